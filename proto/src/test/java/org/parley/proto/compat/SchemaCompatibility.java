package org.parley.proto.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;

/**
 * Compares the current schemas with a baseline and lists every change that would break a reader or a
 * writer built against the baseline. Additions (new files, messages, fields, enum values, services,
 * methods) are compatible. A field or enum value may only disappear if its number and name are both
 * reserved, so that neither can be reused by mistake.
 *
 * <p>Types are compared by fully qualified name, so moving a message to another file of the same
 * package is not a break; changing a file's package or Java options is.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** Every breaking change from {@code baseline} to {@code current}, as readable lines; empty when compatible. */
    public static List<String> breakingChanges(FileDescriptorSet baseline, FileDescriptorSet current) {
        List<String> problems = new ArrayList<>();
        Map<String, FileDescriptorProto> currentFiles = new LinkedHashMap<>();
        current.getFileList().forEach(file -> currentFiles.put(file.getName(), file));
        Types before = Types.of(baseline);
        Types after = Types.of(current);

        for (FileDescriptorProto old : baseline.getFileList()) {
            FileDescriptorProto now = currentFiles.get(old.getName());
            if (now == null) {
                // The file may go if everything it declared lives on elsewhere (checked type by type below).
                continue;
            }
            compareFile(old, now, problems);
        }
        before.messages.forEach((name, old) -> {
            DescriptorProto now = after.messages.get(name);
            if (now == null) {
                problems.add("message " + name + " was removed");
            } else {
                compareMessage(name, old, now, problems);
            }
        });
        before.enums.forEach((name, old) -> {
            EnumDescriptorProto now = after.enums.get(name);
            if (now == null) {
                problems.add("enum " + name + " was removed");
            } else {
                compareEnum(name, old, now, problems);
            }
        });
        before.services.forEach((name, old) -> {
            ServiceDescriptorProto now = after.services.get(name);
            if (now == null) {
                problems.add("service " + name + " was removed");
            } else {
                compareService(name, old, now, problems);
            }
        });
        return problems;
    }

    private static void compareFile(FileDescriptorProto old, FileDescriptorProto now, List<String> problems) {
        String file = "file " + old.getName();
        same(file + ": package", old.getPackage(), now.getPackage(), problems);
        same(file + ": syntax", syntaxOf(old), syntaxOf(now), problems);
        FileOptions a = old.getOptions();
        FileOptions b = now.getOptions();
        same(file + ": option java_package", a.getJavaPackage(), b.getJavaPackage(), problems);
        same(file + ": option java_multiple_files", a.getJavaMultipleFiles(), b.getJavaMultipleFiles(), problems);
        same(file + ": option java_outer_classname", a.getJavaOuterClassname(), b.getJavaOuterClassname(), problems);
        same(file + ": option optimize_for", a.getOptimizeFor(), b.getOptimizeFor(), problems);
    }

    private static void compareMessage(String name, DescriptorProto old, DescriptorProto now, List<String> problems) {
        Map<Integer, FieldDescriptorProto> nowByNumber = new LinkedHashMap<>();
        Map<String, FieldDescriptorProto> nowByName = new LinkedHashMap<>();
        for (FieldDescriptorProto field : now.getFieldList()) {
            nowByNumber.put(field.getNumber(), field);
            nowByName.put(field.getName(), field);
        }
        for (FieldDescriptorProto was : old.getFieldList()) {
            String where = "message " + name + ": field " + was.getName() + " = " + was.getNumber();
            FieldDescriptorProto is = nowByNumber.get(was.getNumber());
            if (is == null) {
                FieldDescriptorProto renumbered = nowByName.get(was.getName());
                if (renumbered != null) {
                    problems.add(where + " was renumbered to " + renumbered.getNumber());
                } else if (!isReserved(now, was.getNumber(), was.getName())) {
                    problems.add(where + " was removed (reserve its number and name to retire it)");
                }
                continue;
            }
            if (!is.getName().equals(was.getName())) {
                problems.add(where + ": number " + was.getNumber() + " was reused by field " + is.getName());
                continue;
            }
            same(where + ": type", typeOf(was), typeOf(is), problems);
            same(where + ": label", labelOf(was), labelOf(is), problems);
            same(where + ": oneof", oneofOf(old, was), oneofOf(now, is), problems);
            same(
                    where + ": packed",
                    was.getOptions().getPacked(),
                    is.getOptions().getPacked(),
                    problems);
        }
        // A new field may not take a number or name the baseline reserved (a retired field's).
        for (FieldDescriptorProto is : now.getFieldList()) {
            boolean existed = old.getFieldList().stream().anyMatch(f -> f.getNumber() == is.getNumber());
            if (!existed && isReserved(old, is.getNumber(), null)) {
                problems.add(
                        "message " + name + ": field " + is.getName() + " reuses reserved number " + is.getNumber());
            }
            if (!existed && old.getReservedNameList().contains(is.getName())) {
                problems.add("message " + name + ": field " + is.getName() + " reuses a reserved name");
            }
        }
    }

    private static void compareEnum(
            String name, EnumDescriptorProto old, EnumDescriptorProto now, List<String> problems) {
        for (EnumValueDescriptorProto was : old.getValueList()) {
            String where = "enum " + name + ": value " + was.getName() + " = " + was.getNumber();
            EnumValueDescriptorProto byNumber = now.getValueList().stream()
                    .filter(v -> v.getNumber() == was.getNumber())
                    .findFirst()
                    .orElse(null);
            EnumValueDescriptorProto byName = now.getValueList().stream()
                    .filter(v -> v.getName().equals(was.getName()))
                    .findFirst()
                    .orElse(null);
            if (byName != null && byName.getNumber() != was.getNumber()) {
                problems.add(where + " was renumbered to " + byName.getNumber());
            } else if (byNumber == null) {
                boolean reserved = now.getReservedRangeList().stream()
                                .anyMatch(r -> was.getNumber() >= r.getStart() && was.getNumber() <= r.getEnd())
                        && now.getReservedNameList().contains(was.getName());
                if (!reserved) {
                    problems.add(where + " was removed (reserve its number and name to retire it)");
                }
            } else if (byName == null) {
                problems.add(where + ": number " + was.getNumber() + " was reused by value " + byNumber.getName());
            }
        }
    }

    private static void compareService(
            String name, ServiceDescriptorProto old, ServiceDescriptorProto now, List<String> problems) {
        for (MethodDescriptorProto was : old.getMethodList()) {
            String where = "service " + name + ": method " + was.getName();
            MethodDescriptorProto is = now.getMethodList().stream()
                    .filter(m -> m.getName().equals(was.getName()))
                    .findFirst()
                    .orElse(null);
            if (is == null) {
                problems.add(where + " was removed");
                continue;
            }
            same(where + ": input", was.getInputType(), is.getInputType(), problems);
            same(where + ": output", was.getOutputType(), is.getOutputType(), problems);
            same(where + ": client streaming", was.getClientStreaming(), is.getClientStreaming(), problems);
            same(where + ": server streaming", was.getServerStreaming(), is.getServerStreaming(), problems);
        }
    }

    /** Message fields are reserved by half-open ranges [start, end). */
    private static boolean isReserved(DescriptorProto message, int number, String name) {
        boolean numberReserved =
                message.getReservedRangeList().stream().anyMatch(r -> number >= r.getStart() && number < r.getEnd());
        return numberReserved && (name == null || message.getReservedNameList().contains(name));
    }

    private static String typeOf(FieldDescriptorProto field) {
        String type = field.getType().name();
        return field.hasTypeName() ? type + " " + field.getTypeName() : type;
    }

    private static String labelOf(FieldDescriptorProto field) {
        return field.getLabel().name() + (field.getProto3Optional() ? " (proto3 optional)" : "");
    }

    private static String oneofOf(DescriptorProto message, FieldDescriptorProto field) {
        if (!field.hasOneofIndex() || field.getProto3Optional()) {
            return "none";
        }
        return message.getOneofDecl(field.getOneofIndex()).getName();
    }

    private static String syntaxOf(FileDescriptorProto file) {
        return file.getSyntax().isEmpty() ? "proto2" : file.getSyntax();
    }

    private static void same(String what, Object before, Object after, List<String> problems) {
        if (!Objects.equals(before, after)) {
            problems.add(what + " changed from " + before + " to " + after);
        }
    }

    /** Every message, enum and service of a set, by fully qualified name (".parley.v1.Envelope"). */
    private record Types(
            Map<String, DescriptorProto> messages,
            Map<String, EnumDescriptorProto> enums,
            Map<String, ServiceDescriptorProto> services) {

        static Types of(FileDescriptorSet set) {
            Types types = new Types(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
            for (FileDescriptorProto file : set.getFileList()) {
                String scope = file.getPackage().isEmpty() ? "" : "." + file.getPackage();
                file.getMessageTypeList().forEach(m -> types.addMessage(scope, m));
                file.getEnumTypeList().forEach(e -> types.enums.put(scope + "." + e.getName(), e));
                file.getServiceList().forEach(s -> types.services.put(scope + "." + s.getName(), s));
            }
            return types;
        }

        private void addMessage(String scope, DescriptorProto message) {
            String name = scope + "." + message.getName();
            messages.put(name, message);
            message.getNestedTypeList().forEach(nested -> addMessage(name, nested));
            message.getEnumTypeList().forEach(e -> enums.put(name + "." + e.getName(), e));
        }
    }
}
