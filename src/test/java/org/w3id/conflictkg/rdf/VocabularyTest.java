package org.w3id.conflictkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the ontology files declare every {@link CKG} term and that the report shapes work. */
class VocabularyTest {
    private static final Path ONTOLOGY_DIR = Path.of("ontology");
    private static final String ID = CKG.ID + "test/";
    private static final Set<Resource> PROPERTY_TYPES =
            Set.of(OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property);
    private static final Set<Resource> RESOURCE_TYPES = Set.of(OWL.Class, RDFS.Class, OWL.NamedIndividual);
    // Declared in the ontology, but CKG has no constant for it yet.
    private static final Resource SPOKESPERSON = ResourceFactory.createResource(CKG.NS + "SpokespersonPosition");

    private static Model ontology;
    private static Shapes shapes;

    @BeforeAll
    static void load() {
        ontology = RDFDataMgr.loadModel(ONTOLOGY_DIR.resolve("conflict-kg.ttl").toString());
        shapes = Shapes.parse(RDFDataMgr.loadGraph(ONTOLOGY_DIR.resolve("shapes.ttl").toString()));
    }

    @Test
    void everyCkgConstantIsDeclaredInTheOntology() throws IllegalAccessException {
        List<String> problems = new ArrayList<>();
        for (Field field : CKG.class.getFields()) {
            int mods = field.getModifiers();
            if (!Modifier.isStatic(mods) || !Modifier.isFinal(mods)
                    || !Resource.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Resource term = (Resource) field.get(null);
            if (!term.getURI().startsWith(CKG.NS)) {
                continue;
            }
            Set<Resource> types = typesOf(term);
            boolean isProperty = Property.class.isAssignableFrom(field.getType());
            Set<Resource> expected = isProperty ? PROPERTY_TYPES : RESOURCE_TYPES;
            if (types.isEmpty()) {
                problems.add("CKG." + field.getName() + " <" + term.getURI() + "> is not declared");
            } else if (types.stream().noneMatch(expected::contains)) {
                problems.add("CKG." + field.getName() + " is declared as " + types + " but is a "
                        + (isProperty ? "Property" : "Resource") + " constant");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDeclaredTermHasLabelDefinitionAndIsDefinedBy() {
        Resource ontologyIri = ontology.createResource(CKG.ONTOLOGY);
        List<String> problems = new ArrayList<>();
        for (Resource term : declaredCkgTerms()) {
            if (!hasEnglish(term, RDFS.label)) {
                problems.add(term.getLocalName() + " has no rdfs:label@en");
            }
            if (!hasEnglish(term, SKOS.definition)) {
                problems.add(term.getLocalName() + " has no skos:definition@en");
            }
            if (!term.hasProperty(RDFS.isDefinedBy, ontologyIri)) {
                problems.add(term.getLocalName() + " has no rdfs:isDefinedBy <" + CKG.ONTOLOGY + ">");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void ontologyHeaderNamesItsVersion() {
        Resource header = ontology.getResource(CKG.ONTOLOGY);
        assertTrue(header.hasProperty(RDF.type, OWL.Ontology), "no owl:Ontology <" + CKG.ONTOLOGY + ">");
        for (Property p : List.of(DCTerms.title, DCTerms.description, DCTerms.created, DCTerms.modified,
                DCTerms.license, OWL.versionInfo, OWL.versionIRI)) {
            assertTrue(header.hasProperty(p), "ontology header lacks " + p);
        }
    }

    @Test
    void everyCkgTermUsedInAnyOntologyFileIsDeclared() throws IOException {
        Set<String> declared = declaredCkgTerms().stream().map(Resource::getURI).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ONTOLOGY_DIR, "*.ttl")) {
            for (Path file : files) {
                Model model = RDFDataMgr.loadModel(file.toString());
                Set<String> used = new TreeSet<>();
                model.listStatements().forEachRemaining(s -> {
                    addIfCkg(used, s.getSubject());
                    addIfCkg(used, s.getPredicate());
                    addIfCkg(used, s.getObject());
                });
                used.removeAll(declared);
                used.forEach(uri -> problems.add(file.getFileName() + " uses undeclared <" + uri + ">"));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shapesGraphParsesAsShacl() {
        assertFalse(shapes.getTargetShapes().isEmpty(), "shapes.ttl has no targeted shapes");
    }

    @Test
    void validReportGraphConforms() {
        ValidationReport report = validate(validReport());
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void claimWithoutStatedInIsReportedOnTheClaim() {
        Model graph = validReport();
        Resource claim = graph.getResource(ID + "claim/1");
        graph.removeAll(claim, CKG.statedIn, null);
        ValidationReport report = validate(graph);
        assertFalse(report.conforms(), "a claim without ckg:statedIn conformed");
        assertEquals(Set.of(claim.asNode()), focusNodes(report), () -> describe(report));
    }

    @Test
    void dateTypedAsStringIsReportedOnTheEvent() {
        Model graph = validReport();
        Resource event = graph.getResource(ID + "event/1");
        graph.removeAll(event, CKG.date, null);
        event.addProperty(CKG.date, "2024-11-26");
        ValidationReport report = validate(graph);
        assertFalse(report.conforms(), "a ckg:date typed xsd:string conformed");
        assertEquals(Set.of(event.asNode()), focusNodes(report), () -> describe(report));
    }

    @Test
    void graphWithTwoReportsDoesNotConform() {
        Model graph = validReport();
        graph.createResource(ID + "report/other")
                .addProperty(RDF.type, CKG.Report)
                .addProperty(CKG.sourceFile, "other.txt");
        assertFalse(validate(graph).conforms(), "a graph with two ckg:Report conformed");
    }

    /** A report graph shaped as the ingester builds it: one report, one claim, one capture. */
    private static Model validReport() {
        Model m = ModelFactory.createDefaultModel();
        Resource report = m.createResource(ID + "report/kupiansk")
                .addProperty(RDF.type, CKG.Report)
                .addProperty(CKG.sourceFile, "00-kupiansk-cleared.txt")
                .addProperty(DCTerms.title, "Ukrainian forces clear Kupiansk")
                .addProperty(DCTerms.issued, m.createTypedLiteral("2024-11-26", XSDDatatype.XSDdate));
        Resource kupiansk = m.createResource(ID + "place/703656");
        Resource voloshyn = m.createResource(ID + "person/nazar-voloshyn")
                .addProperty(RDF.type, CKG.Person)
                .addProperty(RDFS.label, "Nazar Voloshyn", "en")
                .addProperty(CKG.role, "spokesperson")
                .addProperty(CKG.holdsPosition, SPOKESPERSON);
        Resource khortytsia = m.createResource(ID + "force/khortytsia")
                .addProperty(RDF.type, CKG.ArmedForce)
                .addProperty(RDFS.label, "Khortytsia group of forces", "en")
                .addProperty(CKG.side, CKG.Ukraine);
        report.addProperty(CKG.mentions, kupiansk)
                .addProperty(CKG.mentions, voloshyn)
                .addProperty(CKG.mentions, khortytsia);
        Resource event = m.createResource(ID + "event/1")
                .addProperty(RDF.type, CKG.Capture)
                .addProperty(CKG.place, kupiansk)
                .addProperty(CKG.actor, khortytsia)
                .addProperty(CKG.date, m.createTypedLiteral("2024-11-26", XSDDatatype.XSDdate))
                .addProperty(CKG.quantity, m.createResource()
                        .addProperty(RDF.type, CKG.Quantity)
                        .addProperty(CKG.amount, m.createTypedLiteral("300", XSDDatatype.XSDinteger))
                        .addProperty(CKG.measure, "evacuated"));
        m.createResource(ID + "claim/1")
                .addProperty(RDF.type, CKG.Claim)
                .addProperty(CKG.claimant, voloshyn)
                .addProperty(CKG.statedIn, report)
                .addProperty(CKG.asserts, event)
                .addProperty(CKG.stance, CKG.Asserted)
                .addProperty(CKG.quote, "Ukrainian troops have regained control of Kupiansk.");
        return m;
    }

    private static ValidationReport validate(Model reportGraph) {
        Graph union = ModelFactory.createUnion(reportGraph, ontology).getGraph();
        return ShaclValidator.get().validate(shapes, union);
    }

    private static Set<Node> focusNodes(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::focusNode).collect(Collectors.toSet());
    }

    private static String describe(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }

    private static Set<Resource> typesOf(Resource term) {
        return ontology.listObjectsOfProperty(term, RDF.type).toList().stream()
                .filter(RDFNode::isResource).map(RDFNode::asResource).collect(Collectors.toSet());
    }

    private static Set<Resource> declaredCkgTerms() {
        return ontology.listStatements(null, RDF.type, (RDFNode) null).toList().stream()
                .map(Statement::getSubject)
                .filter(s -> s.isURIResource() && s.getURI().startsWith(CKG.NS))
                .collect(Collectors.toSet());
    }

    private static boolean hasEnglish(Resource term, Property p) {
        return term.listProperties(p).toList().stream()
                .anyMatch(s -> s.getObject().isLiteral() && "en".equals(s.getLiteral().getLanguage()));
    }

    private static void addIfCkg(Set<String> used, RDFNode node) {
        if (node.isURIResource() && node.asResource().getURI().startsWith(CKG.NS)) {
            used.add(node.asResource().getURI());
        }
    }
}
