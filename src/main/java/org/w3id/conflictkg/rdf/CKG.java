package org.w3id.conflictkg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The ConflictKG vocabulary: every term of {@code ontology/conflict-kg.ttl} used by the code. */
public final class CKG {
    /** The namespace of the vocabulary. */
    public static final String NS = "https://w3id.org/conflict-kg/ontology#";
    /** The ontology IRI, also the name of the graph the ontology is loaded into. */
    public static final String ONTOLOGY = "https://w3id.org/conflict-kg/ontology";
    /** The base of instance IRIs. */
    public static final String ID = "https://w3id.org/conflict-kg/id/";
    /** The named graph that holds the gazetteer. */
    public static final String GAZETTEER_GRAPH = ID + "graph/gazetteer";

    private CKG() {
    }

    public static String getURI() {
        return NS;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    // Classes: reports and provenance
    /** A news report or statement that was ingested; its extraction lives in the named graph of the same IRI. */
    public static final Resource Report = resource("Report");
    /** An attributed statement: someone asserts (or denies) that an event happened, in a report. */
    public static final Resource Claim = resource("Claim");
    /** A numeric amount stated in a report, with its qualifier and what it counts. */
    public static final Resource Quantity = resource("Quantity");
    /** How firmly a claim is put: asserted, confirmed, denied, reported second-hand. */
    public static final Resource Stance = resource("Stance");

    // Classes: agents
    /** A person named in a report. */
    public static final Resource Person = resource("Person");
    /** An organisation: a ministry, an administration, a staff, an outlet. */
    public static final Resource Organisation = resource("Organisation");
    /** An armed force or formation: an army, a brigade, a group of forces, "Russian troops". */
    public static final Resource ArmedForce = resource("ArmedForce");
    /** A belligerent side. */
    public static final Resource Side = resource("Side");
    /** A position a person holds, such as spokesperson or governor. */
    public static final Resource Position = resource("Position");

    // Classes: places
    /** A named geographic place. */
    public static final Resource Place = resource("Place");
    /** A sovereign country. */
    public static final Resource Country = resource("Country");
    /** A first-level administrative division: an oblast, a republic, a federal city. */
    public static final Resource Oblast = resource("Oblast");
    /** A second-level administrative division of Ukraine (raion) or Russia (district). */
    public static final Resource Raion = resource("Raion");
    /** A territorial community (hromada), the third administrative level of Ukraine. */
    public static final Resource Hromada = resource("Hromada");
    /** A populated place: a city, town, village or settlement. */
    public static final Resource Settlement = resource("Settlement");
    /** A district inside a city. */
    public static final Resource CityDistrict = resource("CityDistrict");
    /** A river. */
    public static final Resource River = resource("River");

    // Classes: events
    /** Something that happened (or is said to have happened) at a place and time. */
    public static final Resource Event = resource("Event");
    /** A change of who controls a place. */
    public static final Resource ControlChange = resource("ControlChange");
    /** A force takes a place from the other side. */
    public static final Resource Capture = resource("Capture");
    /** A side retakes or clears a place it had lost. */
    public static final Resource Liberation = resource("Liberation");
    /** A place is held by a force that took it. */
    public static final Resource Occupation = resource("Occupation");
    /** A withdrawal from a place. */
    public static final Resource Withdrawal = resource("Withdrawal");
    /** An attack on the ground by troops. */
    public static final Resource GroundAssault = resource("GroundAssault");
    /** A force moves forward towards a place. */
    public static final Resource Advance = resource("Advance");
    /** Small groups try to slip into a place or across a line. */
    public static final Resource InfiltrationAttempt = resource("InfiltrationAttempt");
    /** An attack that the defenders report as repelled. */
    public static final Resource RepelledAttack = resource("RepelledAttack");
    /** Fighting or clashes with no clear attacker. */
    public static final Resource Fighting = resource("Fighting");
    /** Fire by artillery, mortars, rocket launchers or tanks. */
    public static final Resource Shelling = resource("Shelling");
    /** Multiple-launch rocket fire. */
    public static final Resource RocketFire = resource("RocketFire");
    /** An attack from the air: aircraft, missiles, drones, guided bombs. */
    public static final Resource AirStrike = resource("AirStrike");
    /** A strike by unmanned aerial vehicles. */
    public static final Resource DroneStrike = resource("DroneStrike");
    /** A strike by cruise or ballistic missiles. */
    public static final Resource MissileStrike = resource("MissileStrike");
    /** A strike with guided aerial bombs. */
    public static final Resource GuidedBombStrike = resource("GuidedBombStrike");
    /** Air defences intercept missiles, drones or rockets. */
    public static final Resource Interception = resource("Interception");
    /** Civilians are moved out of a place. */
    public static final Resource Evacuation = resource("Evacuation");
    /** People are killed or injured. */
    public static final Resource Casualties = resource("Casualties");

    // Individuals
    /** The Ukrainian side. */
    public static final Resource Ukraine = resource("Ukraine");
    /** The Russian side. */
    public static final Resource Russia = resource("Russia");
    /** A side other than Ukraine's or Russia's. */
    public static final Resource OtherSide = resource("OtherSide");
    /** The claimant states it as fact. */
    public static final Resource Asserted = resource("Asserted");
    /** The claimant confirms something said before. */
    public static final Resource Confirmed = resource("Confirmed");
    /** The claimant denies it. */
    public static final Resource Denied = resource("Denied");
    /** The claimant puts it with hedging: claimed, alleged, reportedly. */
    public static final Resource Hedged = resource("Hedged");

    // Object properties
    /** The person, organisation or force that makes a claim. */
    public static final Property claimant = property("claimant");
    /** The report a claim is stated in. */
    public static final Property statedIn = property("statedIn");
    /** The event a claim asserts (or denies). */
    public static final Property asserts = property("asserts");
    /** The stance of a claim. */
    public static final Property stance = property("stance");
    /** A claim this claim denies. */
    public static final Property denies = property("denies");
    /** Two claims that cannot both be true. */
    public static final Property contradicts = property("contradicts");
    /** A report mentions an entity. */
    public static final Property mentions = property("mentions");
    /** Where an event happened. */
    public static final Property place = property("place");
    /** The force that acted in an event. */
    public static final Property actor = property("actor");
    /** A place is inside another (administrative hierarchy). */
    public static final Property partOf = property("partOf");
    /** The belligerent side of a force, organisation or person. */
    public static final Property side = property("side");
    /** The position a person holds, as a Position individual. */
    public static final Property holdsPosition = property("holdsPosition");
    /** The organisation, force or place a person serves. */
    public static final Property affiliation = property("affiliation");
    /** A quantity stated about an event. */
    public static final Property quantity = property("quantity");
    /** The top event category of an event's class, stated on the event (a shortcut of rdf:type/rdfs:subClassOf*). */
    public static final Property category = property("category");
    /** The oblast an event's place lies in, or is (a shortcut of ckg:place/ckg:partOf*). */
    public static final Property inOblast = property("inOblast");
    /** The raion an event's place lies in, or is (a shortcut of ckg:place/ckg:partOf*). */
    public static final Property inRaion = property("inRaion");
    /** The side of a claim's claimant as its report states it (a shortcut of following ckg:affiliation to a ckg:side). */
    public static final Property claimantSide = property("claimantSide");

    // Datatype properties
    /** The report's file name as ingested, without folders. */
    public static final Property sourceFile = property("sourceFile");
    /** The outlet a report came from, as written in its sidecar. */
    public static final Property outlet = property("outlet");
    /** SHA-256 of the report's text. */
    public static final Property contentHash = property("contentHash");
    /** SHA-256 of a named graph's content as last written, so an unchanged graph need not be rewritten. */
    public static final Property graphHash = property("graphHash");
    /** The sentence a claim or event was read from. */
    public static final Property quote = property("quote");
    /** The attribution verb or phrase: said, claimed, denied, according to. */
    public static final Property attribution = property("attribution");
    /** A person's position as one lowercase keyword, as the report states it. */
    public static final Property role = property("role");
    /** The GeoNames feature id of a place, as a plain string. */
    public static final Property geonamesId = property("geonamesId");
    /** The population GeoNames gives for a place. */
    public static final Property population = property("population");
    /** When an event happened, as precisely as the text allows. */
    public static final Property date = property("date");
    /** Start of an event that spans time. */
    public static final Property startDate = property("startDate");
    /** End of an event that spans time. */
    public static final Property endDate = property("endDate");
    /** The time expression as written in the text. */
    public static final Property timeExpression = property("timeExpression");
    /** The number of a quantity. */
    public static final Property amount = property("amount");
    /** How the number is qualified: about, nearly, at least, at most, more than. */
    public static final Property qualifier = property("qualifier");
    /** What a quantity counts: killed, injured, evacuated, explosions, drones. */
    public static final Property measure = property("measure");
    /** People killed, as an integer (a shortcut of the quantity). */
    public static final Property killed = property("killed");
    /** People injured, as an integer (a shortcut of the quantity). */
    public static final Property injured = property("injured");
    /** People evacuated, as an integer (a shortcut of the quantity). */
    public static final Property evacuated = property("evacuated");
    /** The event is stated as having failed or been repelled. */
    public static final Property repelled = property("repelled");
    /** The weapon or means named for an attack. */
    public static final Property weapon = property("weapon");
    /** The month of an event's date or start date, YYYY-MM (YYYY when only the year is known). */
    public static final Property month = property("month");
    /** An event's date, or start date when it spans time, as a plain ISO string to order by; a claim's, its event's. */
    public static final Property when = property("when");
    /** The English label of an event's place, stated on the event. */
    public static final Property placeLabel = property("placeLabel");
    /** The English label of a claim's claimant, stated on the claim. */
    public static final Property claimantLabel = property("claimantLabel");
    /** A claim's place, top category and month in one string, so that claims that may contradict join on one value. */
    public static final Property claimKey = property("claimKey");
}
