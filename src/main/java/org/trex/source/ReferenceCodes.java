package org.trex.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national code lists the source schema seeds into its reference tables (db/source V1) or holds in CHECK
 * constraints (V2), in Java, so the catalog can give them to the spec checker, which opens no connection. The
 * reference tables stay what the loader and the foreign keys check against; {@code ReferenceCodesAreTheSeededOnesTest}
 * holds these lists to their contents.
 */
public final class ReferenceCodes {
    static final List<String> EVENT_TYPE = List.of("Request", "Assessment", "Service", "Review");
    static final List<String> CLIENT_TYPE = List.of("Service user", "Unpaid carer",
            "Unpaid carer known by association");
    static final List<String> GENDER = List.of("Male", "Female", "Other", "Unknown");
    static final List<String> ETHNICITY = List.of(
            "White: English, Welsh, Scottish, Northern Irish or British", "White: Irish",
            "White: Gypsy or Irish Traveller", "White: Roma", "White: Any other White background",
            "Mixed or Multiple ethnic groups: White and Black Caribbean",
            "Mixed or Multiple ethnic groups: White and Black African",
            "Mixed or Multiple ethnic groups: White and Asian",
            "Mixed or Multiple ethnic groups: Any other Mixed or Multiple background",
            "Asian, Asian British or Asian Welsh: Indian", "Asian, Asian British or Asian Welsh: Pakistani",
            "Asian, Asian British or Asian Welsh: Bangladeshi", "Asian, Asian British or Asian Welsh: Chinese",
            "Asian, Asian British or Asian Welsh: Any other Asian background",
            "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
            "Black, Black British, Black Welsh, Caribbean or African: African",
            "Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British or Caribbean"
                    + " background",
            "Other ethnic group: Arab", "Other ethnic group: Any other ethnic group",
            "No data: Refused", "No data: Undeclared / Not known");
    static final List<String> PRIMARY_SUPPORT_REASON = List.of(
            "Physical support: Personal care support", "Physical support: Access and mobility only",
            "Sensory support: Support for visual impairment", "Sensory support: Support for hearing impairment",
            "Sensory support: Support for dual impairment", "Support with memory and cognition",
            "Learning disability support", "Mental health support",
            "Social support: Substance misuse support", "Social support: Asylum seeker support",
            "Social support: Support for social isolation or other", "Social support: Support to unpaid carer",
            "Unknown");
    static final List<String> ACCOMMODATION_STATUS = List.of(
            "Owner occupier or shared ownership scheme", "Tenant: Local authority or other social housing provider",
            "Tenant: Private landlord", "Settled mainstream housing with family or friends",
            "Supported accommodation, supported lodgings or supported group home", "Shared Lives scheme",
            "Sheltered housing, extra care housing or other sheltered housing", "Registered care home",
            "Registered nursing home", "Acute hospital or long term healthcare residential facility",
            "Other temporary accommodation", "Unknown");
    static final List<String> SERVICE_TYPE = List.of(
            "Long term support: Community", "Long term support: Nursing care",
            "Long term support: Residential care", "Long term support: Prison",
            "Short term support: ST-Max", "Short term support: Ongoing low level",
            "Short term support: Other short term",
            "Unpaid carer support: Direct to unpaid carer",
            "Unpaid carer support: Support involving the person cared-for");
    static final List<String> SERVICE_COMPONENT = List.of(
            "Reablement", "Short term residential care", "Short term nursing care",
            "Home support or domiciliary care", "Community supported living", "Extra care housing",
            "Shared Lives", "Equipment", "Direct payment", "Long term residential care",
            "Long term nursing care");
    static final List<String> DELIVERY_MECHANISM = List.of(
            "Direct payment", "CASSR managed personal budget", "CASSR commissioned support");
    static final List<String> EVENT_OUTCOME = List.of(
            "Progress to reablement/ST-Max", "Progress to assessment, review or reassessment",
            "Progress to support planning or services", "Continuation of support or services",
            "Admitted to hospital", "NFA: Deceased", "NFA: Information and advice or signposting",
            "NFA: Support declined", "NFA: Support ended as planned", "NFA: Support ended for other reason",
            "NFA: Self-funded client or under 12wk disregard", "NFA: Responsibility moved to another local authority",
            "NFA: Referral to NHS services or NHS funded social care", "NFA: No services offered for other reason",
            "NFA: Other");
    static final List<String> ROUTE_OF_ACCESS = List.of(
            "Planned Entry (Transition)", "Discharge from Hospital", "Diversion from Hospital Services",
            "Self-funder with depleted funds", "Community/Other route");
    static final List<String> PDS_TRACE_STATUS = List.of(
            "matched", "unverified", "no_match", "multiple_matches", "superseded", "not_traced");
    static final List<String> ADMISSION_METHOD = List.of(
            "11", "12", "13", "21", "22", "23", "24", "25", "2A", "2B", "2D", "31", "32", "81", "82", "83");
    static final List<String> ADMISSION_SOURCE = List.of("19", "29", "51", "54", "65", "85", "99");
    static final List<String> DISCHARGE_METHOD = List.of("1", "2", "3", "4", "5");
    static final List<String> DISCHARGE_DESTINATION = List.of(
            "19", "29", "30", "37", "40", "42", "48", "49", "50", "51", "52", "53", "55", "56", "66", "79", "84",
            "87", "88", "98", "99");
    /** The words of each sex code (ref.sex's descriptions), as the linkage section groups spells by them. */
    public static final Map<String, String> SEX_WORDS = orderedPairs("1", "Male", "2", "Female", "9", "Not specified",
            "0", "Not known");
    static final List<String> SEX = List.copyOf(SEX_WORDS.keySet());
    static final List<String> ETHNIC_CATEGORY = List.of(
            "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99");
    /** A CHECK constraint of social_care.event (V2), not a table. */
    public static final List<String> COST_FREQUENCY = List.of("Weekly", "Monthly", "One-off", "Hourly");
    /** A CHECK constraint of health.inpatient_spell (V2), not a table. */
    public static final List<String> PATIENT_CLASSIFICATION = List.of("1", "2", "3", "4", "5");

    private ReferenceCodes() {
    }

    private static Map<String, String> orderedPairs(String... codesAndWords) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            pairs.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** Each reference table of schema ref a catalog field's codes come from, by name, and its codes. */
    public static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("event_type", EVENT_TYPE);
        tables.put("client_type", CLIENT_TYPE);
        tables.put("gender", GENDER);
        tables.put("ethnicity", ETHNICITY);
        tables.put("primary_support_reason", PRIMARY_SUPPORT_REASON);
        tables.put("accommodation_status", ACCOMMODATION_STATUS);
        tables.put("service_type", SERVICE_TYPE);
        tables.put("service_component", SERVICE_COMPONENT);
        tables.put("delivery_mechanism", DELIVERY_MECHANISM);
        tables.put("event_outcome", EVENT_OUTCOME);
        tables.put("route_of_access", ROUTE_OF_ACCESS);
        tables.put("pds_trace_status", PDS_TRACE_STATUS);
        tables.put("admission_method", ADMISSION_METHOD);
        tables.put("admission_source", ADMISSION_SOURCE);
        tables.put("discharge_method", DISCHARGE_METHOD);
        tables.put("discharge_destination", DISCHARGE_DESTINATION);
        tables.put("sex", SEX);
        tables.put("ethnic_category", ETHNIC_CATEGORY);
        return tables;
    }
}
