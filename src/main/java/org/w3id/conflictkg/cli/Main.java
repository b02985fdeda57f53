package org.w3id.conflictkg.cli;

public final class Main {
    public static void main(String[] args) {
    }
}
