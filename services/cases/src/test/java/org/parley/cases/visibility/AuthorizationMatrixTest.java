package org.parley.cases.visibility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.EntityType;
import org.parley.cases.api.GroupType;
import org.parley.cases.api.InternalControl;
import org.parley.cases.api.RelativeStrength;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.casefile.SectionName;
import org.parley.cases.content.Context;
import org.parley.cases.content.NewCase;
import org.parley.cases.content.Results;
import org.parley.cases.support.AccessStub;
import org.parley.cases.support.AccessStub.GrantSpec;
import org.parley.cases.support.CasesTestResource;
import org.parley.cases.support.Expectations;
import org.parley.cases.support.Http;
import org.parley.cases.support.Sample;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.Envelope;
import org.parley.testing.Jdbc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of viewer against every tier, release state and grant (none, each scope, an expired one,
 * two at once) on every endpoint: read, list, search, facets, pages, edit, timeline, delete. Expected
 * outcomes come from docs/policy-matrix.csv and docs/actions-matrix.csv. Wherever the viewer may not
 * know a case exists, the answer must be byte for byte the answer for an id that never existed.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final Class<?> STACK = CasesTestResource.class;

    /** The word every case of this run carries in its header: a search for it lists them all. */
    static final String FAMILY =
            "mx" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");

    static final String OWNER = "ifit";
    static final String PARTNER = "oas";
    static final List<String> COUNTRIES = List.of("MX", "CO", "SV", "HN", "HT");

    /** The grants a case may carry, from the partner organisation's point of view. */
    enum GrantSetup {
        NONE,
        SUMMARY,
        RESULTS,
        PROCESS,
        EXCERPTS,
        /** A PROCESS grant that expired a minute ago: the same as no grant. */
        EXPIRED,
        /** SUMMARY and PROCESS at once: the widest counts. */
        TWO_GRANTS;

        List<GrantSpec> grants() {
            return switch (this) {
                case NONE -> List.of();
                case EXPIRED ->
                    List.of(new GrantSpec(
                            PARTNER, GrantScope.PROCESS, Instant.now().minusSeconds(60)));
                case TWO_GRANTS ->
                    List.of(
                            new GrantSpec(PARTNER, GrantScope.SUMMARY, null),
                            new GrantSpec(
                                    PARTNER, GrantScope.PROCESS, Instant.now().plusSeconds(86_400)));
                default -> List.of(new GrantSpec(PARTNER, GrantScope.valueOf(name()), null));
            };
        }

        GrantScope activeScope() {
            return switch (this) {
                case NONE, EXPIRED -> null;
                case TWO_GRANTS -> GrantScope.PROCESS;
                default -> GrantScope.valueOf(name());
            };
        }
    }

    /** @param coded the case's coded facet values, by codebook key */
    record Fixture(
            String id,
            int index,
            Tier tier,
            boolean released,
            GrantSetup grants,
            EntityType entity,
            GroupType group,
            Map<String, Set<String>> coded) {
        String tag() {
            return FAMILY + "n" + index;
        }

        String word(Section section) {
            return tag()
                    + switch (section) {
                        case HEADER -> "hdr";
                        case CONTEXT -> "ctx";
                        case PROCESS -> "prc";
                        case RESULTS -> "res";
                        case INTERVIEWS -> throw new IllegalArgumentException();
                    };
        }

        String country() {
            return COUNTRIES.get(index % COUNTRIES.size());
        }
    }

    /** The viewers, with the name actions-matrix.csv gives them. */
    enum Kind {
        LEAD("LEAD", "mx-lead"),
        MEMBER("TEAM_MEMBER", "mx-member"),
        SECRECY_ADMIN("SECRECY_ADMIN", "mx-admin"),
        GRANTEE("GRANTEE", "mx-partner"),
        ORG_STAFF("ORG_STAFF", "mx-staff"),
        OTHER("OTHER", "mx-other"),
        ANONYMOUS("ANONYMOUS", null);

        final String actionsRow;
        final String subject;

        Kind(String actionsRow, String subject) {
            this.actionsRow = actionsRow;
            this.subject = subject;
        }

        Relationship relationship(Fixture fixture) {
            return switch (this) {
                case LEAD, MEMBER -> Relationship.MEMBER;
                case SECRECY_ADMIN -> Relationship.SECRECY_ADMIN;
                case GRANTEE -> fixture.grants().activeScope() == null ? Relationship.OTHER : Relationship.GRANTEE;
                case ORG_STAFF -> Relationship.ORG_STAFF;
                case OTHER -> Relationship.OTHER;
                case ANONYMOUS -> Relationship.ANONYMOUS;
            };
        }

        Set<Section> expected(Fixture fixture) {
            Relationship relationship = relationship(fixture);
            GrantScope scope =
                    relationship == Relationship.GRANTEE ? fixture.grants().activeScope() : null;
            Set<Section> sections = EnumSet.noneOf(Section.class);
            sections.addAll(Expectations.sections(relationship, fixture.tier(), fixture.released(), scope));
            sections.remove(Section.INTERVIEWS); // links to interviews are the interviews service's
            return sections;
        }

        boolean may(String action, Fixture fixture) {
            // An OTHER-like partner (no active grant) is the actions matrix's OTHER row.
            String row = this == GRANTEE && relationship(fixture) == Relationship.OTHER ? "OTHER" : actionsRow;
            return Expectations.may(row, action);
        }
    }

    private static List<Fixture> fixtures;

    @Inject
    CaseService cases;

    @BeforeEach
    void setUp() {
        AccessStub.ensureFresh();
        synchronized (AuthorizationMatrixTest.class) {
            if (fixtures == null) {
                fixtures = createFixtures();
            }
        }
    }

    private List<Fixture> createFixtures() {
        Viewer lead = Viewer.signedIn("mx-lead", OWNER, Set.of(Role.STAFF));
        List<Fixture> created = new ArrayList<>();
        int index = 0;
        for (Tier tier : Tier.values()) {
            for (boolean released : new boolean[] {false, true}) {
                for (GrantSetup grants : GrantSetup.values()) {
                    EntityType entity = EntityType.values()[index % EntityType.values().length];
                    GroupType group = GroupType.values()[index % GroupType.values().length];
                    String tag = FAMILY + "n" + index;
                    NewCase written = varied(
                            Sample.withMarkers(FAMILY, tag, COUNTRIES.get(index % COUNTRIES.size()), entity, group),
                            index);
                    String id = cases.create(lead, written).id();
                    Map<String, Set<String>> coded = codedValues(written);
                    codeBeyondTheFirstShape(lead, id, index, coded);
                    AccessStub.setPolicy(
                            id,
                            OWNER,
                            tier,
                            released,
                            Map.of("mx-lead", TeamRole.LEAD, "mx-member", TeamRole.MEMBER),
                            grants.grants());
                    created.add(new Fixture(id, index, tier, released, grants, entity, group, coded));
                    index++;
                }
            }
        }
        return created;
    }

    /**
     * The sample with coded values that vary between cases: the entity's strength, a second group whose internal
     * control varies (its type repeats the first's, so a case counts once per value), a deal reached or not or
     * uncoded.
     */
    private static NewCase varied(NewCase sample, int index) {
        Context context = sample.context();
        Context.CriminalGroup first = context.criminalGroups().get(0);
        Context.NegotiatingEntity entity = context.negotiatingEntity();
        Context variedContext = new Context(
                new Context.NegotiatingEntity(
                        entity.type(),
                        entity.name(),
                        RelativeStrength.values()[index % RelativeStrength.values().length],
                        entity.notes()),
                List.of(
                        first,
                        new Context.CriminalGroup(
                                "Splinter " + index,
                                first.type(),
                                InternalControl.values()[index % InternalControl.values().length],
                                null,
                                null)),
                context.precedents());
        Results results = sample.results();
        Boolean deal = index % 3 == 0 ? null : index % 3 == 1;
        return new NewCase(
                sample.header(),
                variedContext,
                sample.process(),
                new Results(deal, results.terms(), results.effects(), results.sideEffects()));
    }

    private static final String[] LEVELS = {"LOCAL", "SUBNATIONAL", "NATIONAL"};
    private static final String[] PHASES = {
        "EXPLORATION", "PRE_NEGOTIATION", "NEGOTIATION", "IMPLEMENTATION", "BREAKDOWN_OR_TERMINATION"
    };
    private static final String[] METHODS = {"KNOWN_LEADERS", "TEST_OF_CONTROL", "INTELLIGENCE"};
    private static final String[] DURABILITY = {"NO_EFFECT", "UNDER_SIX_MONTHS", "ONE_TO_FIVE_YEARS", "OVER_FIVE_YEARS"
    };

    /**
     * Dimensions only the codebook's shape has, written through the coded endpoint's service, in each of the three
     * sections, varying between cases: the level (CONTEXT), two phases (a counted facet of a block) and the
     * verification methods (several values) in PROCESS, the durability (RESULTS). Added to the oracle as written.
     */
    private void codeBeyondTheFirstShape(Viewer lead, String id, int index, Map<String, Set<String>> coded) {
        ObjectMapper json = new ObjectMapper();
        String level = LEVELS[index % LEVELS.length];
        String firstPhase = PHASES[index % PHASES.length];
        String secondPhase = PHASES[(index + 2) % PHASES.length];
        String method = METHODS[index % METHODS.length];
        String durability = DURABILITY[index % DURABILITY.length];
        long version = 1;
        version = cases.editCoded(
                        lead,
                        id,
                        SectionName.CONTEXT,
                        version,
                        json.createObjectNode().put("level", level),
                        true)
                .version();
        ObjectNode process = json.createObjectNode();
        process.putArray("phases")
                .add(json.createObjectNode().put("phase", firstPhase))
                .add(json.createObjectNode().put("phase", secondPhase).put("start", "2012"));
        process.putObject("verification").putArray("methods").add(method);
        version = cases.editCoded(lead, id, SectionName.PROCESS, version, process, true)
                .version();
        cases.editCoded(
                lead, id, SectionName.RESULTS, version, json.createObjectNode().put("durability", durability), true);
        add(coded, "context.level", level);
        add(coded, "process.phases.phase", firstPhase);
        add(coded, "process.phases.phase", secondPhase);
        add(coded, "process.verification.methods", method);
        add(coded, "results.durability", durability);
    }

    /** The coded facet values of a case as written, by codebook key (the test's own reading of the records). */
    private static Map<String, Set<String>> codedValues(NewCase written) {
        Map<String, Set<String>> values = new TreeMap<>();
        CaseList.CODED_FACETS.forEach(key -> values.put(key, new TreeSet<>()));
        Context context = written.context();
        add(values, "context.entities.type", context.negotiatingEntity().type());
        add(
                values,
                "context.entities.relativeStrength",
                context.negotiatingEntity().relativeStrength());
        context.criminalGroups().forEach(group -> {
            add(values, "context.groups.type", group.type());
            add(values, "context.groups.internalControl", group.internalControl());
        });
        add(values, "process.objectives.scope", written.process().objectives().scope());
        written.process().mediators().forEach(mediator -> add(values, "process.mediators.role", mediator.role()));
        written.process().risks().forEach(risk -> add(values, "process.risks.kind", risk.kind()));
        add(values, "results.dealReached", written.results().dealReached());
        written.results().sideEffects().forEach(side -> add(values, "results.sideEffects.kind", side.kind()));
        return values;
    }

    private static void add(Map<String, Set<String>> values, String key, Object value) {
        // A key the oracle knows but the list does not count fails here: both must grow together.
        assertThat(values).as("coded facets").containsKey(key);
        if (value != null) {
            values.get(key).add(value instanceof Enum<?> code ? code.name() : value.toString());
        }
    }

    @Test
    @TestSecurity(user = "mx-lead", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-lead"), @Claim(key = "org", value = OWNER)})
    void lead() throws SQLException {
        walk(Kind.LEAD);
    }

    @Test
    @TestSecurity(user = "mx-member", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-member"), @Claim(key = "org", value = OWNER)})
    void teamMember() throws SQLException {
        walk(Kind.MEMBER);
    }

    @Test
    @TestSecurity(
            user = "mx-admin",
            roles = {"staff", "secrecy-admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-admin"), @Claim(key = "org", value = OWNER)})
    void secrecyAdmin() throws SQLException {
        walk(Kind.SECRECY_ADMIN);
    }

    @Test
    @TestSecurity(user = "mx-partner", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-partner"), @Claim(key = "org", value = PARTNER)})
    void granteeWithEveryScope() throws SQLException {
        walk(Kind.GRANTEE);
    }

    @Test
    @TestSecurity(user = "mx-staff", roles = "staff")
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-staff"), @Claim(key = "org", value = OWNER)})
    void staffOfTheOwningOrganisation() throws SQLException {
        walk(Kind.ORG_STAFF);
    }

    @Test
    @TestSecurity(
            user = "mx-other",
            roles = {"partner", "secrecy-admin"})
    @OidcSecurity(claims = {@Claim(key = "sub", value = "mx-other"), @Claim(key = "org", value = "medic-ngo")})
    void otherOrganisationEvenItsSecrecyAdmin() throws SQLException {
        walk(Kind.OTHER);
    }

    @Test
    void anonymous() throws SQLException {
        walk(Kind.ANONYMOUS);
    }

    private void walk(Kind kind) throws SQLException {
        Map<String, Long> deniedBefore = countEvents("AccessDenied");
        List<Fixture> known =
                fixtures.stream().filter(f -> !kind.expected(f).isEmpty()).toList();
        // Grants to the partner organisation change nothing for the other viewers: one kind of grant is
        // enough to show it there; every kind is walked for the partner.
        List<Fixture> walked = fixtures.stream()
                .filter(f -> kind == Kind.GRANTEE || f.grants() == GrantSetup.NONE || f.grants() == GrantSetup.SUMMARY)
                .toList();
        String neverRead = Http.fingerprint(get(readPath(kind, UUID.randomUUID().toString())));
        assertThat(Http.fingerprint(get(readPath(kind, "not-a-case")))).isEqualTo(neverRead);
        Map<Change, String> neverChanged = new HashMap<>();
        for (Change change : CHANGES) {
            String never = Http.fingerprint(change.send(UUID.randomUUID().toString()));
            assertThat(Http.fingerprint(change.send("not-a-case")))
                    .as(kind + " " + change)
                    .isEqualTo(never);
            neverChanged.put(change, never);
        }
        for (Fixture fixture : walked) {
            Set<Section> expected = kind.expected(fixture);
            String where = kind + " on " + fixture;
            checkRead(kind, fixture, expected, neverRead, where);
            checkChanges(kind, fixture, !expected.isEmpty(), neverChanged, where);
        }
        checkSearch(kind);
        checkListAndFacets(kind, known);
        checkPages(kind, known);
        checkAudit(kind, walked, deniedBefore);
    }

    private void checkRead(Kind kind, Fixture fixture, Set<Section> expected, String never, String where) {
        Response read = get(readPath(kind, fixture.id()));
        if (expected.isEmpty()) {
            assertThat(Http.fingerprint(read)).as(where).isEqualTo(never);
            assertThat(read.statusCode()).as(where).isEqualTo(404);
            return;
        }
        assertThat(read.statusCode()).as(where).isEqualTo(200);
        assertThat(sectionsOf(read.jsonPath(), "")).as(where).isEqualTo(expected);
        assertThat(read.jsonPath().getString("header.tier"))
                .as(where)
                .isEqualTo(fixture.tier().name());
    }

    /**
     * One search per section for the marker words of that section in every case: it must find exactly the
     * cases where the viewer sees that section, and count nothing else in total or facets.
     */
    private void checkSearch(Kind kind) {
        for (Section section : List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS)) {
            String anyOfTheWords = String.join(
                    " or ", fixtures.stream().map(f -> f.word(section)).toList());
            Response found = given().queryParam("q", anyOfTheWords)
                    .queryParam("limit", 100)
                    .get(listPath(kind));
            assertThat(found.statusCode()).isEqualTo(200);
            Set<String> expected = new HashSet<>();
            for (Fixture fixture : fixtures) {
                if (kind.expected(fixture).contains(section)) {
                    expected.add(fixture.id());
                }
            }
            assertThat(new HashSet<>(found.jsonPath().getList("items.id", String.class)))
                    .as(kind + " searching " + section)
                    .isEqualTo(expected);
            assertThat(found.jsonPath().getLong("total"))
                    .as(kind + " total searching " + section)
                    .isEqualTo(expected.size());
            long tierCounts = facet(found.jsonPath(), "tier").values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(tierCounts).as(kind + " facets searching " + section).isEqualTo(expected.size());
        }
    }

    static final List<Change> CHANGES = List.of(
            new Change("EDIT_SECTION", "PATCH", "/cases/%s/results", "{\"dealReached\":true}"),
            new Change(
                    "EDIT_SECTION",
                    "POST",
                    "/cases/%s/process/timeline",
                    "{\"date\":\"2011-01-01\",\"kind\":\"MEETING\",\"summary\":\"Met\"}"),
            new Change("DELETE", "DELETE", "/cases/%s", null));

    private void checkChanges(Kind kind, Fixture fixture, boolean knows, Map<Change, String> never, String where) {
        for (Change change : CHANGES) {
            Response attempt = change.send(fixture.id());
            if (!knows || kind == Kind.ANONYMOUS) {
                assertThat(Http.fingerprint(attempt)).as(where + " " + change).isEqualTo(never.get(change));
                assertThat(attempt.statusCode()).isEqualTo(kind == Kind.ANONYMOUS ? 401 : 404);
            } else if (kind.may(change.action(), fixture)) {
                // Allowed: only the stale If-Match stops it, so the fixture stays as it is.
                assertThat(attempt.statusCode()).as(where + " " + change).isEqualTo(412);
            } else {
                assertThat(attempt.statusCode()).as(where + " " + change).isEqualTo(403);
                assertThat(attempt.contentType()).startsWith("application/problem+json");
            }
        }
    }

    /** A change attempted with an If-Match that names no version of the case. */
    record Change(String action, String method, String path, String body) {
        Response send(String id) {
            var request = given().header("If-Match", "\"999999\"");
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, String.format(Locale.ROOT, path, id));
        }
    }

    private void checkListAndFacets(Kind kind, List<Fixture> known) {
        JsonPath body = list(kind, Map.of());
        Map<String, Fixture> byId = new HashMap<>();
        fixtures.forEach(f -> byId.put(f.id(), f));
        assertThat(new HashSet<>(body.getList("items.id", String.class)))
                .as(kind + " lists")
                .isEqualTo(known.stream().map(Fixture::id).collect(Collectors.toSet()));
        assertThat(body.getLong("total")).isEqualTo(known.size());
        // The index and the detail agree, item by item.
        List<Map<String, Object>> items = body.getList("items");
        for (int i = 0; i < items.size(); i++) {
            Fixture fixture = byId.get((String) items.get(i).get("id"));
            assertThat(sectionsOf(body, "items[" + i + "]."))
                    .as(kind + " list item " + fixture)
                    .isEqualTo(kind.expected(fixture));
        }
        Map<String, Long> tiers = new TreeMap<>();
        Map<String, Long> countries = new TreeMap<>();
        Map<String, Long> entities = new TreeMap<>();
        Map<String, Long> groups = new TreeMap<>();
        for (Fixture fixture : known) {
            tiers.merge(fixture.tier().name(), 1L, Long::sum);
            countries.merge(fixture.country(), 1L, Long::sum);
            if (kind.expected(fixture).contains(Section.CONTEXT)) {
                entities.merge(fixture.entity().name(), 1L, Long::sum);
                groups.merge(fixture.group().name(), 1L, Long::sum);
            }
        }
        assertThat(facet(body, "tier")).as(kind + " tier facet").isEqualTo(tiers);
        assertThat(facet(body, "country")).as(kind + " country facet").isEqualTo(countries);
        assertThat(facet(body, "status")).isEqualTo(known.isEmpty() ? Map.of() : Map.of("ACTIVE", (long) known.size()));
        assertThat(facet(body, "entityType")).as(kind + " entity facet").isEqualTo(entities);
        assertThat(facet(body, "groupType")).as(kind + " group facet").isEqualTo(groups);
        // Coded facets and filters count a case only where the viewer sees the section of the key.
        Map<String, Map<String, Long>> coded = new TreeMap<>();
        for (Fixture fixture : known) {
            fixture.coded().forEach((key, values) -> {
                if (kind.expected(fixture).contains(sectionOf(key))) {
                    values.forEach(value ->
                            coded.computeIfAbsent(key, k -> new TreeMap<>()).merge(value, 1L, Long::sum));
                }
            });
        }
        for (String key : CaseList.COUNTED_FACETS) {
            Map<String, Long> expected = coded.getOrDefault(key, Map.of());
            assertThat(facet(body, key)).as(kind + " coded facet " + key).isEqualTo(expected);
            for (Map.Entry<String, Long> value : expected.entrySet()) {
                assertThat(list(kind, Map.of("coded", key + ":" + value.getKey()))
                                .getLong("total"))
                        .as(kind + " coded=" + key + ":" + value.getKey())
                        .isEqualTo(value.getValue());
            }
        }
        if (kind != Kind.ANONYMOUS) {
            checkCrossTab(kind, known);
            checkComparisonMatrix(kind, known);
            checkTruthTable(kind, known);
            checkComparable(kind, known);
        }
        // A value in a section the viewer does not see matches nothing, not even its count.
        if (!known.isEmpty() && !coded.containsKey("process.risks.kind")) {
            assertThat(list(kind, Map.of("coded", "process.risks.kind:SPOILERS"))
                            .getLong("total"))
                    .isZero();
        }
        // Filters on CONTEXT fields count only cases whose CONTEXT the viewer sees.
        for (String entity : List.of(EntityType.NATIONAL_GOVERNMENT.name(), EntityType.CHURCH.name())) {
            assertThat(list(kind, Map.of("entityType", entity)).getLong("total"))
                    .as(kind + " entityType=" + entity)
                    .isEqualTo(entities.getOrDefault(entity, 0L));
        }
        for (String group : List.of(GroupType.MAFIA.name(), GroupType.PRISON_GANG.name())) {
            assertThat(list(kind, Map.of("groupType", group)).getLong("total"))
                    .as(kind + " groupType=" + group)
                    .isEqualTo(groups.getOrDefault(group, 0L));
        }
        assertThat(list(kind, Map.of("tier", "SECRET")).getLong("total")).isEqualTo(tiers.getOrDefault("SECRET", 0L));
    }

    /**
     * A crosstab of a CONTEXT dimension against a RESULTS one counts exactly the known cases whose CONTEXT and
     * RESULTS the viewer sees, once per value pair, uncoded as null.
     */
    private void checkCrossTab(Kind kind, List<Fixture> known) {
        String rows = "context.groups.internalControl";
        String cols = "results.dealReached";
        Map<String, Long> expected = new TreeMap<>();
        long total = 0;
        for (Fixture fixture : known) {
            Set<Section> seen = kind.expected(fixture);
            if (!seen.contains(Section.CONTEXT) || !seen.contains(Section.RESULTS)) {
                continue;
            }
            total++;
            for (String row : orNull(fixture.coded().get(rows))) {
                for (String col : orNull(fixture.coded().get(cols))) {
                    expected.merge(row + "|" + col, 1L, Long::sum);
                }
            }
        }
        Response response = given().queryParam("q", FAMILY)
                .queryParam("rows", rows)
                .queryParam("cols", cols)
                .get("/cases/crosstab");
        assertThat(response.statusCode()).as(kind + " crosstab").isEqualTo(200);
        Map<String, Long> answered = new TreeMap<>();
        for (Map<String, Object> cell : response.jsonPath().<Map<String, Object>>getList("cells")) {
            answered.put(cell.get("row") + "|" + cell.get("col"), ((Number) cell.get("count")).longValue());
        }
        assertThat(answered).as(kind + " crosstab cells").isEqualTo(expected);
        assertThat(response.jsonPath().getLong("total"))
                .as(kind + " crosstab total")
                .isEqualTo(total);
    }

    /**
     * The comparison matrix over every coded facet lists exactly the known cases, each with the values of the sections
     * the viewer sees and no key of any other section; the title only with the HEADER.
     */
    @SuppressWarnings("unchecked")
    private void checkComparisonMatrix(Kind kind, List<Fixture> known) {
        Response response = given().queryParam("q", FAMILY)
                .queryParam("limit", 100)
                .queryParam("dims", String.join(",", CaseList.CODED_FACETS))
                .get("/cases/compare");
        assertThat(response.statusCode())
                .as(kind + " compare " + response.body().asString())
                .isEqualTo(200);
        assertThat(response.jsonPath().getLong("total"))
                .as(kind + " compare total")
                .isEqualTo(known.size());
        Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
        Map<String, Boolean> titled = new TreeMap<>();
        for (Fixture fixture : known) {
            Set<Section> seen = kind.expected(fixture);
            Map<String, Set<String>> values = new TreeMap<>();
            fixture.coded().forEach((key, codes) -> {
                if (seen.contains(sectionOf(key))) {
                    values.put(key, codes);
                }
            });
            expected.put(fixture.id(), values);
            titled.put(fixture.id(), seen.contains(Section.HEADER));
        }
        Map<String, Map<String, Set<String>>> answered = new TreeMap<>();
        Map<String, Boolean> answeredTitles = new TreeMap<>();
        for (Map<String, Object> row : response.jsonPath().<Map<String, Object>>getList("rows")) {
            Map<String, Set<String>> values = new TreeMap<>();
            ((Map<String, Object>) row.get("values")).forEach((key, value) -> {
                Set<String> codes = new TreeSet<>();
                if (value instanceof List<?> several) {
                    several.forEach(code -> codes.add(String.valueOf(code)));
                } else if (value != null) {
                    codes.add(String.valueOf(value));
                }
                values.put(key, codes);
            });
            answered.put((String) row.get("id"), values);
            answeredTitles.put((String) row.get("id"), row.get("title") != null);
        }
        assertThat(answered).as(kind + " compare values").isEqualTo(expected);
        assertThat(answeredTitles).as(kind + " compare titles").isEqualTo(titled);
    }

    /**
     * A truth table of a CONTEXT condition against a RESULTS outcome counts exactly the known cases whose CONTEXT and
     * RESULTS the viewer sees, in each configuration of their values.
     */
    private void checkTruthTable(Kind kind, List<Fixture> known) {
        String condition = "context.groups.internalControl";
        Map<String, Long> expected = new TreeMap<>();
        long total = 0;
        for (Fixture fixture : known) {
            Set<Section> seen = kind.expected(fixture);
            if (seen.contains(Section.CONTEXT) && seen.contains(Section.RESULTS)) {
                total++;
                orNull(fixture.coded().get(condition)).forEach(value -> expected.merge(value, 1L, Long::sum));
            }
        }
        Response response = given().queryParam("q", FAMILY)
                .queryParam("conditions", condition)
                .queryParam("outcome", "results.dealReached")
                .get("/cases/truthtable");
        assertThat(response.statusCode()).as(kind + " truth table").isEqualTo(200);
        Map<String, Long> answered = new TreeMap<>();
        for (Map<String, Object> row : response.jsonPath().<Map<String, Object>>getList("rows")) {
            @SuppressWarnings("unchecked")
            Object value = ((Map<String, Object>) row.get("values")).get(condition);
            answered.put(String.valueOf(value), ((Number) row.get("cases")).longValue());
        }
        Map<String, Long> expectedByText = new TreeMap<>();
        expected.forEach((value, count) -> expectedByText.put(String.valueOf(value), count));
        assertThat(answered).as(kind + " truth table rows").isEqualTo(expectedByText);
        assertThat(response.jsonPath().getLong("total"))
                .as(kind + " truth table total")
                .isEqualTo(total);
    }

    /**
     * The cases comparable to a known one are exactly the other known cases with a coded key to compare, each
     * compared on exactly the keys whose section the viewer sees on both and both have coded, matching where the two
     * share a value; an unknown case is the never-existed 404.
     */
    @SuppressWarnings("unchecked")
    private void checkComparable(Kind kind, List<Fixture> known) {
        String never = Http.fingerprint(given().get("/cases/" + UUID.randomUUID() + "/comparable"));
        if (known.isEmpty()) {
            return;
        }
        Fixture anchor = known.get(0);
        Set<Section> anchorSeen = kind.expected(anchor);
        Map<String, Set<String>> expectedMatching = new TreeMap<>();
        Map<String, Set<String>> expectedDiffering = new TreeMap<>();
        for (Fixture other : known) {
            if (other == anchor) {
                continue;
            }
            Set<Section> otherSeen = kind.expected(other);
            Set<String> matching = new TreeSet<>();
            Set<String> differing = new TreeSet<>();
            for (String key : CaseList.CODED_FACETS) {
                Set<String> mine = anchor.coded().get(key);
                Set<String> theirs = other.coded().get(key);
                if (!anchorSeen.contains(sectionOf(key))
                        || !otherSeen.contains(sectionOf(key))
                        || mine.isEmpty()
                        || theirs.isEmpty()) {
                    continue;
                }
                (mine.stream().anyMatch(theirs::contains) ? matching : differing).add(key);
            }
            if (!matching.isEmpty() || !differing.isEmpty()) {
                expectedMatching.put(other.id(), matching);
                expectedDiffering.put(other.id(), differing);
            }
        }
        Response response =
                given().queryParam("q", FAMILY).queryParam("limit", 100).get("/cases/" + anchor.id() + "/comparable");
        assertThat(response.statusCode()).as(kind + " comparable").isEqualTo(200);
        Map<String, Set<String>> matching = new TreeMap<>();
        Map<String, Set<String>> differing = new TreeMap<>();
        for (Map<String, Object> item : response.jsonPath().<Map<String, Object>>getList("$")) {
            matching.put((String) item.get("id"), new TreeSet<>((List<String>) item.get("matching")));
            differing.put((String) item.get("id"), new TreeSet<>((List<String>) item.get("differing")));
        }
        assertThat(matching).as(kind + " comparable, matching keys").isEqualTo(expectedMatching);
        assertThat(differing).as(kind + " comparable, differing keys").isEqualTo(expectedDiffering);
        for (Fixture hidden :
                fixtures.stream().filter(f -> !known.contains(f)).limit(3).toList()) {
            assertThat(Http.fingerprint(given().get("/cases/" + hidden.id() + "/comparable")))
                    .as(kind + " comparable of a case it may not know")
                    .isEqualTo(never);
        }
    }

    private static List<String> orNull(Set<String> values) {
        return values.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(values);
    }

    private static JsonPath list(Kind kind, Map<String, String> filters) {
        Response response = given().queryParam("q", FAMILY)
                .queryParam("limit", 100)
                .queryParams(filters)
                .get(listPath(kind));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.jsonPath();
    }

    private void checkPages(Kind kind, List<Fixture> known) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", FAMILY).queryParam("limit", 7);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get(listPath(kind));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.jsonPath().getLong("total")).isEqualTo(known.size());
            for (String id : page.jsonPath().getList("items.id", String.class)) {
                assertThat(seen.add(id)).as("each case once").isTrue();
            }
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).hasSize(known.size());
    }

    private void checkAudit(Kind kind, List<Fixture> walked, Map<String, Long> deniedBefore) throws SQLException {
        if (kind == Kind.ANONYMOUS) {
            return;
        }
        Map<String, Long> denied = countEvents("AccessDenied");
        try (Connection db = Jdbc.connectToTestDatabase("cases")) {
            for (Fixture fixture : walked) {
                long newDenials = denied.getOrDefault(fixture.id(), 0L) - deniedBefore.getOrDefault(fixture.id(), 0L);
                List<Envelope> reads = events(db, fixture.id(), "RestrictedRead", kind.subject);
                if (kind.expected(fixture).isEmpty()) {
                    // Refusals on a case the viewer may not know of leave no trace either.
                    assertThat(newDenials).as(kind + " denials on " + fixture).isZero();
                    assertThat(reads).as(kind + " reads of " + fixture).isEmpty();
                    continue;
                }
                long expectedDenials =
                        (kind.may("EDIT_SECTION", fixture) ? 0 : 2) + (kind.may("DELETE", fixture) ? 0 : 1);
                assertThat(newDenials).as(kind + " denials on " + fixture).isEqualTo(expectedDenials);
                // Reads of sections the public may not see are in the ledger, with the sections and no content.
                Set<Section> restricted = EnumSet.noneOf(Section.class);
                restricted.addAll(kind.expected(fixture));
                restricted.removeAll(SecrecyRules.publicSections(fixture.tier(), fixture.released()));
                if (restricted.isEmpty()) {
                    assertThat(reads).as(kind + " reads of " + fixture).isEmpty();
                } else {
                    assertThat(reads).as(kind + " reads of " + fixture).isNotEmpty();
                    assertThat(reads.get(0).getRestrictedRead().getSectionsList())
                            .containsAll(restricted.stream().map(Enum::name).toList());
                }
            }
        }
    }

    private static List<Envelope> events(Connection db, String caseId, String type, String subject)
            throws SQLException {
        List<Envelope> found = new ArrayList<>();
        try (PreparedStatement statement =
                db.prepareStatement("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")) {
            statement.setString(1, caseId);
            statement.setString(2, type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Envelope envelope;
                    try {
                        envelope = Envelope.parseFrom(rows.getBytes(1));
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                    if (envelope.getActor().getSubject().equals(subject)) {
                        found.add(envelope);
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, Long> countEvents(String type) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = Jdbc.connectToTestDatabase("cases");
                PreparedStatement statement = db.prepareStatement(
                        "SELECT message_key, count(*) FROM outbox_event WHERE event_type = ? GROUP BY message_key")) {
            statement.setString(1, type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> facet(JsonPath body, String name) {
        Map<String, Object> raw = body.getMap("facets.'" + name + "'");
        Map<String, Long> counts = new TreeMap<>();
        raw.forEach((key, value) -> counts.put(key, ((Number) value).longValue()));
        return counts;
    }

    private static Section sectionOf(String codebookKey) {
        return Section.valueOf(
                codebookKey.substring(0, codebookKey.indexOf('.')).toUpperCase(Locale.ROOT));
    }

    private static Set<Section> sectionsOf(JsonPath body, String prefix) {
        Set<Section> present = EnumSet.noneOf(Section.class);
        Map<String, Object> item =
                prefix.isEmpty() ? body.getMap("$") : body.getMap(prefix.substring(0, prefix.length() - 1));
        for (Section section : List.of(Section.HEADER, Section.CONTEXT, Section.PROCESS, Section.RESULTS)) {
            String key = section.name().toLowerCase(Locale.ROOT);
            if (item.containsKey(key)) {
                assertThat(item.get(key)).as("a present section is never null").isNotNull();
                present.add(section);
            }
        }
        return present;
    }

    private static String readPath(Kind kind, String id) {
        return (kind == Kind.ANONYMOUS ? "/public/cases/" : "/cases/") + id;
    }

    private static String listPath(Kind kind) {
        return kind == Kind.ANONYMOUS ? "/public/cases" : "/cases";
    }

    private static Response get(String path) {
        return given().get(path);
    }
}
