package org.parley.proto.compat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker itself, on the real schemas with one change applied at a time. */
class SchemaCompatibilityRulesTest {

    static FileDescriptorSet schemas;

    @BeforeAll
    static void readSchemas() throws IOException {
        schemas = SchemaCompatibilityTest.read(
                Path.of(System.getProperty("parley.proto.descriptors", "target/descriptors/parley-v1.binpb")));
        assertThat(schemas.getFileCount()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theSchemasAreCompatibleWithThemselves() {
        assertThat(SchemaCompatibility.breakingChanges(schemas, schemas)).isEmpty();
    }

    @Test
    void additionsAreCompatible() {
        FileDescriptorSet added = change("parley/v1/cases.proto", file -> {
            file.addMessageType(DescriptorProto.newBuilder()
                    .setName("CaseArchived")
                    .addField(field("reason_code", 1, FieldDescriptorProto.Type.TYPE_STRING)));
            message(file, "CaseOpened").addField(field("region", 9, FieldDescriptorProto.Type.TYPE_STRING));
        });
        added = change(
                added,
                "parley/v1/policy.proto",
                file -> enumType(file, "Tier")
                        .addValue(EnumValueDescriptorProto.newBuilder()
                                .setName("EMBARGOED")
                                .setNumber(4)));
        added = added.toBuilder()
                .addFile(FileDescriptorProto.newBuilder()
                        .setName("parley/v1/reports.proto")
                        .setPackage("parley.v1")
                        .setSyntax("proto3")
                        .addMessageType(DescriptorProto.newBuilder().setName("ReportMade")))
                .build();

        assertThat(SchemaCompatibility.breakingChanges(schemas, added)).isEmpty();
    }

    @Test
    void aRemovedFieldBreaks() {
        assertBreaks(
                change("parley/v1/envelope.proto", file -> removeField(message(file, "Envelope"), "event_id")),
                "message .parley.v1.Envelope: field event_id = 1 was removed");
    }

    @Test
    void aFieldRetiredWithItsNumberAndNameReservedIsCompatible() {
        FileDescriptorSet retired = change("parley/v1/cases.proto", file -> {
            DescriptorProto.Builder message = message(file, "ProcessEntryAdded");
            removeField(message, "entry_date");
            message.addReservedRange(DescriptorProto.ReservedRange.newBuilder()
                            .setStart(3)
                            .setEnd(4))
                    .addReservedName("entry_date");
        });
        assertThat(SchemaCompatibility.breakingChanges(schemas, retired)).isEmpty();

        FileDescriptorSet reused = change(
                retired,
                "parley/v1/cases.proto",
                file -> message(file, "ProcessEntryAdded")
                        .addField(field("entry_day", 3, FieldDescriptorProto.Type.TYPE_INT32)));
        assertBreaks(retired, reused, "field entry_day reuses reserved number 3");
    }

    @Test
    void aRenumberedFieldBreaks() {
        assertBreaks(
                change(
                        "parley/v1/cases.proto",
                        file -> fieldOf(message(file, "CaseOpened"), "lead_subject")
                                .setNumber(9)),
                "message .parley.v1.CaseOpened: field lead_subject = 2 was renumbered to 9");
    }

    @Test
    void aReusedFieldNumberBreaks() {
        assertBreaks(
                change("parley/v1/policy.proto", file -> {
                    DescriptorProto.Builder message = message(file, "TeamMemberRemoved");
                    removeField(message, "subject");
                    message.addField(field("organisation", 1, FieldDescriptorProto.Type.TYPE_STRING));
                }),
                "message .parley.v1.TeamMemberRemoved: field subject = 1: number 1 was reused by field organisation");
    }

    @Test
    void aChangedFieldTypeBreaks() {
        assertBreaks(
                change(
                        "parley/v1/cases.proto",
                        file -> fieldOf(message(file, "ProcessEntryAdded"), "entry_date")
                                .setType(FieldDescriptorProto.Type.TYPE_INT64)),
                "message .parley.v1.ProcessEntryAdded: field entry_date = 3: type changed from TYPE_STRING to TYPE_INT64");
    }

    @Test
    void aChangedMessageTypeOfAFieldBreaks() {
        assertBreaks(
                change(
                        "parley/v1/envelope.proto",
                        file -> fieldOf(message(file, "Envelope"), "actor").setTypeName(".parley.v1.Grant")),
                "field actor = 4: type changed from TYPE_MESSAGE .parley.v1.Actor to TYPE_MESSAGE .parley.v1.Grant");
    }

    @Test
    void aChangedLabelBreaks() {
        assertBreaks(
                change(
                        "parley/v1/audit.proto",
                        file -> fieldOf(message(file, "RestrictedRead"), "sections")
                                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)),
                "message .parley.v1.RestrictedRead: field sections = 3: label changed from LABEL_REPEATED to LABEL_OPTIONAL");
    }

    @Test
    void aFieldMovedOutOfItsOneofBreaks() {
        assertBreaks(
                change(
                        "parley/v1/envelope.proto",
                        file -> fieldOf(message(file, "Envelope"), "case_opened")
                                .clearOneofIndex()),
                "field case_opened = 20: oneof changed from payload to none");
    }

    @Test
    void aRemovedMessageBreaks() {
        assertBreaks(
                change("parley/v1/audit.proto", file -> file.removeMessageType(indexOfMessage(file, "ExportMade"))),
                "message .parley.v1.ExportMade was removed");
    }

    @Test
    void aRemovedEnumBreaks() {
        assertBreaks(
                change("parley/v1/policy.proto", file -> {
                    for (int i = 0; i < file.getEnumTypeCount(); i++) {
                        if (file.getEnumType(i).getName().equals("GrantScope")) {
                            file.removeEnumType(i);
                            return;
                        }
                    }
                }),
                "enum .parley.v1.GrantScope was removed");
    }

    @Test
    void aRemovedEnumValueBreaks() {
        assertBreaks(
                change("parley/v1/policy.proto", file -> {
                    EnumDescriptorProto.Builder tier = enumType(file, "Tier");
                    for (int i = 0; i < tier.getValueCount(); i++) {
                        if (tier.getValue(i).getName().equals("PUBLICLY_KNOWN")) {
                            tier.removeValue(i);
                            return;
                        }
                    }
                }),
                "enum .parley.v1.Tier: value PUBLICLY_KNOWN = 3 was removed");
    }

    @Test
    void aRenumberedEnumValueBreaks() {
        assertBreaks(
                change(
                        "parley/v1/policy.proto",
                        file -> enumType(file, "TeamRole").getValueBuilderList().stream()
                                .filter(v -> v.getName().equals("MEMBER"))
                                .findFirst()
                                .orElseThrow()
                                .setNumber(7)),
                "enum .parley.v1.TeamRole: value MEMBER = 2 was renumbered to 7");
    }

    @Test
    void aChangedPackageBreaks() {
        List<String> problems = SchemaCompatibility.breakingChanges(
                schemas, change("parley/v1/audit.proto", file -> file.setPackage("parley.v2")));
        assertThat(problems)
                .contains("file parley/v1/audit.proto: package changed from parley.v1 to parley.v2")
                .contains("message .parley.v1.RestrictedRead was removed");
    }

    @Test
    void changedJavaOptionsBreak() {
        assertBreaks(
                change(
                        "parley/v1/interviews.proto",
                        file -> file.getOptionsBuilder().setJavaPackage("org.parley.events.v1")),
                "file parley/v1/interviews.proto: option java_package changed from org.parley.proto.v1 to org.parley.events.v1");
        assertBreaks(
                change(
                        "parley/v1/interviews.proto",
                        file -> file.getOptionsBuilder().setJavaMultipleFiles(false)),
                "file parley/v1/interviews.proto: option java_multiple_files changed from true to false");
    }

    @Test
    void movingAMessageToAnotherFileOfThePackageIsCompatible() {
        DescriptorProto[] moved = new DescriptorProto[1];
        FileDescriptorSet withoutIt = change("parley/v1/audit.proto", file -> {
            int index = indexOfMessage(file, "ExportMade");
            moved[0] = file.getMessageType(index);
            file.removeMessageType(index);
        });
        FileDescriptorSet movedSet = change(withoutIt, "parley/v1/cases.proto", file -> file.addMessageType(moved[0]));
        assertThat(SchemaCompatibility.breakingChanges(schemas, movedSet)).isEmpty();
    }

    // --- helpers: copy the real set and change one thing ---

    private static void assertBreaks(FileDescriptorSet changed, String expected) {
        assertBreaks(schemas, changed, expected);
    }

    private static void assertBreaks(FileDescriptorSet baseline, FileDescriptorSet changed, String expected) {
        List<String> problems = SchemaCompatibility.breakingChanges(baseline, changed);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    private static FileDescriptorSet change(String fileName, Consumer<FileDescriptorProto.Builder> edit) {
        return change(schemas, fileName, edit);
    }

    private static FileDescriptorSet change(
            FileDescriptorSet set, String fileName, Consumer<FileDescriptorProto.Builder> edit) {
        FileDescriptorSet.Builder builder = set.toBuilder();
        FileDescriptorProto.Builder file = builder.getFileBuilderList().stream()
                .filter(f -> f.getName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + fileName));
        edit.accept(file);
        return builder.build();
    }

    private static DescriptorProto.Builder message(FileDescriptorProto.Builder file, String name) {
        return file.getMessageTypeBuilder(indexOfMessage(file, name));
    }

    private static int indexOfMessage(FileDescriptorProto.Builder file, String name) {
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            if (file.getMessageType(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no message " + name + " in " + file.getName());
    }

    private static EnumDescriptorProto.Builder enumType(FileDescriptorProto.Builder file, String name) {
        return file.getEnumTypeBuilderList().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no enum " + name));
    }

    private static FieldDescriptorProto.Builder fieldOf(DescriptorProto.Builder message, String name) {
        return message.getFieldBuilderList().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name));
    }

    private static void removeField(DescriptorProto.Builder message, String name) {
        for (int i = 0; i < message.getFieldCount(); i++) {
            if (message.getField(i).getName().equals(name)) {
                message.removeField(i);
                return;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    }
}
