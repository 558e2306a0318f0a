package com.ordertracking.shared.domain;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IANA time zone of a shipping destination, so that buyers read times and dates as the clock on their
 * wall shows them. In a country with one zone (or one offset) the country decides. In a country with several,
 * the postal code decides where our table knows its prefixes (it is finer than states: Broken Hill in New South
 * Wales, the Florida panhandle, Kaliningrad), then the region (ISO 3166-2 code such as {@code CA} or
 * {@code US-CA}, or the English/local name such as "British Columbia"), then the country's most populous zone.
 * Empty when the country is unknown (callers show UTC and say so, {@link LocalTimes}).
 *
 * <p>Data: the country table follows tzdata's {@code zone.tab} (one zone per country, the capital's or the
 * most populous one where a country has several); the region and postal tables cover the countries whose
 * zones differ in offset: US, CA, MX, BR, AU, RU, ID, ES, PT, EC, CL, KI, FM, PG, MN, CD, NZ.
 */
public final class DestinationTimeZones {
    private DestinationTimeZones() {
    }

    /** The zone for a shipping address; empty when its country is missing or unknown. */
    public static Optional<ZoneId> of(Address address) {
        if (address == null || address.country() == null) {
            return Optional.empty();
        }
        String country = address.country().trim().toUpperCase(Locale.ROOT);
        ZoneId byCountry = COUNTRY.get(country);
        if (byCountry == null) {
            return Optional.empty();
        }
        PostalRanges postal = POSTAL.get(country);
        if (postal != null && address.postalCode() != null) {
            ZoneId zone = postal.zoneOf(address.postalCode());
            if (zone != null) {
                return Optional.of(zone);
            }
        }
        Map<String, ZoneId> regions = REGION.get(country);
        if (regions != null && address.region() != null) {
            ZoneId zone = regions.get(regionKey(country, address.region()));
            if (zone != null) {
                return Optional.of(zone);
            }
        }
        return Optional.of(byCountry);
    }

    /** Whether {@code id} names an IANA region zone (e.g. {@code Europe/Berlin}), not an offset like {@code +02:00}. */
    public static boolean isZoneId(String id) {
        return id != null && id.contains("/") && ZoneId.getAvailableZoneIds().contains(id);
    }

    /** The country codes the table knows (every ISO 3166-1 country that tzdata gives a zone). */
    static Set<String> countries() {
        return COUNTRY.keySet();
    }

    /** "US-CA", "ca", "Québec", "New South Wales" → "CA", "CA", "QUEBEC", "NEWSOUTHWALES". */
    static String regionKey(String country, String region) {
        String plain = Normalizer.normalize(region, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).trim();
        if (plain.startsWith(country + "-") || plain.startsWith(country + " ")) {
            plain = plain.substring(country.length() + 1);
        }
        return plain.replaceAll("[^A-Z0-9]", "");
    }

    // ------------------------------------------------------------------ data

    /** ISO 3166-1 alpha-2 → the country's zone (tzdata zone.tab; the main zone where there are several). */
    private static final Map<String, ZoneId> COUNTRY = pairs("""
            AD Europe/Andorra  AE Asia/Dubai  AF Asia/Kabul  AG America/Antigua  AI America/Anguilla
            AL Europe/Tirane  AM Asia/Yerevan  AO Africa/Luanda  AR America/Argentina/Buenos_Aires  AS Pacific/Pago_Pago
            AT Europe/Vienna  AU Australia/Sydney  AW America/Aruba  AX Europe/Mariehamn  AZ Asia/Baku
            BA Europe/Sarajevo  BB America/Barbados  BD Asia/Dhaka  BE Europe/Brussels  BF Africa/Ouagadougou
            BG Europe/Sofia  BH Asia/Bahrain  BI Africa/Bujumbura  BJ Africa/Porto-Novo  BL America/St_Barthelemy
            BM Atlantic/Bermuda  BN Asia/Brunei  BO America/La_Paz  BQ America/Kralendijk  BR America/Sao_Paulo
            BS America/Nassau  BT Asia/Thimphu  BW Africa/Gaborone  BY Europe/Minsk  BZ America/Belize
            CA America/Toronto  CC Indian/Cocos  CD Africa/Kinshasa  CF Africa/Bangui  CG Africa/Brazzaville
            CH Europe/Zurich  CI Africa/Abidjan  CK Pacific/Rarotonga  CL America/Santiago  CM Africa/Douala
            CN Asia/Shanghai  CO America/Bogota  CR America/Costa_Rica  CU America/Havana  CV Atlantic/Cape_Verde
            CW America/Curacao  CX Indian/Christmas  CY Asia/Nicosia  CZ Europe/Prague  DE Europe/Berlin
            DJ Africa/Djibouti  DK Europe/Copenhagen  DM America/Dominica  DO America/Santo_Domingo  DZ Africa/Algiers
            EC America/Guayaquil  EE Europe/Tallinn  EG Africa/Cairo  EH Africa/El_Aaiun  ER Africa/Asmara
            ES Europe/Madrid  ET Africa/Addis_Ababa  FI Europe/Helsinki  FJ Pacific/Fiji  FK Atlantic/Stanley
            FM Pacific/Pohnpei  FO Atlantic/Faroe  FR Europe/Paris  GA Africa/Libreville  GB Europe/London
            GD America/Grenada  GE Asia/Tbilisi  GF America/Cayenne  GG Europe/Guernsey  GH Africa/Accra
            GI Europe/Gibraltar  GL America/Nuuk  GM Africa/Banjul  GN Africa/Conakry  GP America/Guadeloupe
            GQ Africa/Malabo  GR Europe/Athens  GS Atlantic/South_Georgia  GT America/Guatemala  GU Pacific/Guam
            GW Africa/Bissau  GY America/Guyana  HK Asia/Hong_Kong  HN America/Tegucigalpa  HR Europe/Zagreb
            HT America/Port-au-Prince  HU Europe/Budapest  ID Asia/Jakarta  IE Europe/Dublin  IL Asia/Jerusalem
            IM Europe/Isle_of_Man  IN Asia/Kolkata  IO Indian/Chagos  IQ Asia/Baghdad  IR Asia/Tehran
            IS Atlantic/Reykjavik  IT Europe/Rome  JE Europe/Jersey  JM America/Jamaica  JO Asia/Amman
            JP Asia/Tokyo  KE Africa/Nairobi  KG Asia/Bishkek  KH Asia/Phnom_Penh  KI Pacific/Tarawa
            KM Indian/Comoro  KN America/St_Kitts  KP Asia/Pyongyang  KR Asia/Seoul  KW Asia/Kuwait
            KY America/Cayman  KZ Asia/Almaty  LA Asia/Vientiane  LB Asia/Beirut  LC America/St_Lucia
            LI Europe/Vaduz  LK Asia/Colombo  LR Africa/Monrovia  LS Africa/Maseru  LT Europe/Vilnius
            LU Europe/Luxembourg  LV Europe/Riga  LY Africa/Tripoli  MA Africa/Casablanca  MC Europe/Monaco
            MD Europe/Chisinau  ME Europe/Podgorica  MF America/Marigot  MG Indian/Antananarivo  MH Pacific/Majuro
            MK Europe/Skopje  ML Africa/Bamako  MM Asia/Yangon  MN Asia/Ulaanbaatar  MO Asia/Macau
            MP Pacific/Saipan  MQ America/Martinique  MR Africa/Nouakchott  MS America/Montserrat  MT Europe/Malta
            MU Indian/Mauritius  MV Indian/Maldives  MW Africa/Blantyre  MX America/Mexico_City  MY Asia/Kuala_Lumpur
            MZ Africa/Maputo  NA Africa/Windhoek  NC Pacific/Noumea  NE Africa/Niamey  NF Pacific/Norfolk
            NG Africa/Lagos  NI America/Managua  NL Europe/Amsterdam  NO Europe/Oslo  NP Asia/Kathmandu
            NR Pacific/Nauru  NU Pacific/Niue  NZ Pacific/Auckland  OM Asia/Muscat  PA America/Panama
            PE America/Lima  PF Pacific/Tahiti  PG Pacific/Port_Moresby  PH Asia/Manila  PK Asia/Karachi
            PL Europe/Warsaw  PM America/Miquelon  PN Pacific/Pitcairn  PR America/Puerto_Rico  PS Asia/Hebron
            PT Europe/Lisbon  PW Pacific/Palau  PY America/Asuncion  QA Asia/Qatar  RE Indian/Reunion
            RO Europe/Bucharest  RS Europe/Belgrade  RU Europe/Moscow  RW Africa/Kigali  SA Asia/Riyadh
            SB Pacific/Guadalcanal  SC Indian/Mahe  SD Africa/Khartoum  SE Europe/Stockholm  SG Asia/Singapore
            SH Atlantic/St_Helena  SI Europe/Ljubljana  SJ Arctic/Longyearbyen  SK Europe/Bratislava  SL Africa/Freetown
            SM Europe/San_Marino  SN Africa/Dakar  SO Africa/Mogadishu  SR America/Paramaribo  SS Africa/Juba
            ST Africa/Sao_Tome  SV America/El_Salvador  SX America/Lower_Princes  SY Asia/Damascus  SZ Africa/Mbabane
            TC America/Grand_Turk  TD Africa/Ndjamena  TF Indian/Kerguelen  TG Africa/Lome  TH Asia/Bangkok
            TJ Asia/Dushanbe  TK Pacific/Fakaofo  TL Asia/Dili  TM Asia/Ashgabat  TN Africa/Tunis
            TO Pacific/Tongatapu  TR Europe/Istanbul  TT America/Port_of_Spain  TV Pacific/Funafuti  TW Asia/Taipei
            TZ Africa/Dar_es_Salaam  UA Europe/Kyiv  UG Africa/Kampala  US America/New_York  UY America/Montevideo
            UZ Asia/Tashkent  VA Europe/Vatican  VC America/St_Vincent  VE America/Caracas  VG America/Tortola
            VI America/St_Thomas  VN Asia/Ho_Chi_Minh  VU Pacific/Efate  WF Pacific/Wallis  WS Pacific/Apia
            YE Asia/Aden  YT Indian/Mayotte  ZA Africa/Johannesburg  ZM Africa/Lusaka  ZW Africa/Harare
            """);

    private static final Map<String, Map<String, ZoneId>> REGION = Map.ofEntries(
            Map.entry("US", regions("US", """
                    AL ALABAMA America/Chicago; AK ALASKA America/Anchorage; AZ ARIZONA America/Phoenix;
                    AR ARKANSAS America/Chicago; CA CALIFORNIA America/Los_Angeles; CO COLORADO America/Denver;
                    CT CONNECTICUT America/New_York; DE DELAWARE America/New_York;
                    DC DISTRICTOFCOLUMBIA WASHINGTONDC America/New_York; FL FLORIDA America/New_York;
                    GA GEORGIA America/New_York; HI HAWAII Pacific/Honolulu; ID IDAHO America/Boise;
                    IL ILLINOIS America/Chicago; IN INDIANA America/Indiana/Indianapolis; IA IOWA America/Chicago;
                    KS KANSAS America/Chicago; KY KENTUCKY America/New_York; LA LOUISIANA America/Chicago;
                    ME MAINE America/New_York; MD MARYLAND America/New_York; MA MASSACHUSETTS America/New_York;
                    MI MICHIGAN America/Detroit; MN MINNESOTA America/Chicago; MS MISSISSIPPI America/Chicago;
                    MO MISSOURI America/Chicago; MT MONTANA America/Denver; NE NEBRASKA America/Chicago;
                    NV NEVADA America/Los_Angeles; NH NEWHAMPSHIRE America/New_York; NJ NEWJERSEY America/New_York;
                    NM NEWMEXICO America/Denver; NY NEWYORK America/New_York; NC NORTHCAROLINA America/New_York;
                    ND NORTHDAKOTA America/Chicago; OH OHIO America/New_York; OK OKLAHOMA America/Chicago;
                    OR OREGON America/Los_Angeles; PA PENNSYLVANIA America/New_York; RI RHODEISLAND America/New_York;
                    SC SOUTHCAROLINA America/New_York; SD SOUTHDAKOTA America/Chicago; TN TENNESSEE America/Chicago;
                    TX TEXAS America/Chicago; UT UTAH America/Denver; VT VERMONT America/New_York;
                    VA VIRGINIA America/New_York; WA WASHINGTON America/Los_Angeles; WV WESTVIRGINIA America/New_York;
                    WI WISCONSIN America/Chicago; WY WYOMING America/Denver; PR PUERTORICO America/Puerto_Rico;
                    GU GUAM Pacific/Guam; VI VIRGINISLANDS America/St_Thomas; AS AMERICANSAMOA Pacific/Pago_Pago;
                    MP NORTHERNMARIANAISLANDS Pacific/Saipan""")),
            Map.entry("CA", regions("CA", """
                    AB ALBERTA America/Edmonton; BC BRITISHCOLUMBIA America/Vancouver; MB MANITOBA America/Winnipeg;
                    NB NEWBRUNSWICK America/Moncton; NL NEWFOUNDLANDANDLABRADOR NEWFOUNDLAND America/St_Johns;
                    NS NOVASCOTIA America/Halifax; NT NORTHWESTTERRITORIES America/Edmonton; NU NUNAVUT America/Iqaluit;
                    ON ONTARIO America/Toronto; PE PRINCEEDWARDISLAND America/Halifax; QC QUEBEC America/Toronto;
                    SK SASKATCHEWAN America/Regina; YT YUKON America/Whitehorse""")),
            Map.entry("MX", regions("MX", """
                    BCN BAJACALIFORNIA America/Tijuana; BCS BAJACALIFORNIASUR America/Mazatlan;
                    SIN SINALOA America/Mazatlan; NAY NAYARIT America/Mazatlan; SON SONORA America/Hermosillo;
                    CHH CHIHUAHUA America/Chihuahua; ROO QUINTANAROO America/Cancun;
                    NLE NUEVOLEON America/Monterrey; COA COAHUILA America/Monterrey; TAM TAMAULIPAS America/Monterrey;
                    YUC YUCATAN America/Merida; CAM CAMPECHE America/Merida;
                    CMX DIF CDMX CIUDADDEMEXICO MEXICOCITY America/Mexico_City""")),
            Map.entry("BR", regions("BR", """
                    AC ACRE America/Rio_Branco; AM AMAZONAS America/Manaus; RR RORAIMA America/Boa_Vista;
                    RO RONDONIA America/Porto_Velho; MT MATOGROSSO America/Cuiaba; MS MATOGROSSODOSUL America/Campo_Grande;
                    PA PARA America/Belem; AP AMAPA America/Belem; TO TOCANTINS America/Araguaina;
                    MA MARANHAO America/Fortaleza; PI PIAUI America/Fortaleza; CE CEARA America/Fortaleza;
                    RN RIOGRANDEDONORTE America/Fortaleza; PB PARAIBA America/Fortaleza; PE PERNAMBUCO America/Recife;
                    AL ALAGOAS America/Maceio; SE SERGIPE America/Maceio; BA BAHIA America/Bahia;
                    SP SAOPAULO RJ RIODEJANEIRO MG MINASGERAIS ES ESPIRITOSANTO PR PARANA SC SANTACATARINA
                    RS RIOGRANDEDOSUL GO GOIAS DF DISTRITOFEDERAL America/Sao_Paulo""")),
            Map.entry("AU", regions("AU", """
                    NSW NEWSOUTHWALES Australia/Sydney; ACT AUSTRALIANCAPITALTERRITORY Australia/Sydney;
                    VIC VICTORIA Australia/Melbourne; QLD QUEENSLAND Australia/Brisbane;
                    SA SOUTHAUSTRALIA Australia/Adelaide; WA WESTERNAUSTRALIA Australia/Perth;
                    TAS TASMANIA Australia/Hobart; NT NORTHERNTERRITORY Australia/Darwin""")),
            Map.entry("RU", regions("RU", """
                    KGD KALININGRAD Europe/Kaliningrad; SAM SAMARA UD UDMURTIA Europe/Samara;
                    AST ASTRAKHAN Europe/Astrakhan; SAR SARATOV Europe/Saratov; ULY ULYANOVSK Europe/Ulyanovsk;
                    SVE SVERDLOVSK YEKATERINBURG CHE CHELYABINSK KGN KURGAN ORE ORENBURG PER PERM TYU TYUMEN
                    BA BASHKORTOSTAN KHM YAN Asia/Yekaterinburg; OMS OMSK Asia/Omsk;
                    NVS NOVOSIBIRSK Asia/Novosibirsk; ALT AL Asia/Barnaul; TOM TOMSK Asia/Tomsk;
                    KEM KEMEROVO Asia/Novokuznetsk; KYA KRASNOYARSK KK TY Asia/Krasnoyarsk;
                    IRK IRKUTSK BU BURYATIA Asia/Irkutsk; ZAB ZABAYKALSKY Asia/Chita; AMU AMUR SA SAKHA YAKUTIA Asia/Yakutsk;
                    PRI PRIMORSKY VLADIVOSTOK KHA KHABAROVSK YEV Asia/Vladivostok; MAG MAGADAN Asia/Magadan;
                    SAK SAKHALIN Asia/Sakhalin; KAM KAMCHATKA Asia/Kamchatka; CHU CHUKOTKA Asia/Anadyr""")),
            Map.entry("ID", regions("ID", """
                    BA BALI NB NT KS KI KU SA ST SN SG GO SR SULAWESI Asia/Makassar;
                    MA MALUKU MU PA PAPUA PB PD PE PS PT Asia/Jayapura""")),
            Map.entry("ES", regions("ES", "CN CANARIAS CANARYISLANDS GC LASPALMAS TF SANTACRUZDETENERIFE Atlantic/Canary")),
            Map.entry("PT", regions("PT", "20 ACORES AZORES Atlantic/Azores; 30 MADEIRA Atlantic/Madeira")),
            Map.entry("EC", regions("EC", "W GALAPAGOS Pacific/Galapagos")),
            Map.entry("CL", regions("CL", "MA MAGALLANES America/Punta_Arenas")),
            Map.entry("KI", regions("KI", """
                    G GILBERTISLANDS Pacific/Tarawa; P PHOENIXISLANDS Pacific/Kanton; L LINEISLANDS Pacific/Kiritimati""")),
            Map.entry("FM", regions("FM", "TRK CHUUK YAP Pacific/Chuuk; KSA KOSRAE Pacific/Kosrae")),
            Map.entry("PG", regions("PG", "NSB BOUGAINVILLE Pacific/Bougainville")),
            Map.entry("MN", regions("MN", "043 KHOVD HOVD 046 UVS 071 BAYANOLGII Asia/Hovd")),
            Map.entry("CD", regions("CD", """
                    KS KC KE LO SA HK HL LU TA MA NK SK IT HU BU TO KATANGA Africa/Lubumbashi""")),
            Map.entry("NZ", regions("NZ", "CIT CHATHAMISLANDS Pacific/Chatham")));

    /** Postal-code prefixes, where they pin a zone down better than the region; unlisted prefixes fall through. */
    private static final Map<String, PostalRanges> POSTAL = Map.of(
            "US", PostalRanges.digits(3, """
                    005 America/New_York; 006-007 America/Puerto_Rico; 008 America/St_Thomas; 009 America/Puerto_Rico;
                    010-089 America/New_York; 100-323 America/New_York; 324-325 America/Chicago;
                    326-339 America/New_York; 341-349 America/New_York; 350-372 America/Chicago;
                    373-379 America/New_York; 380-397 America/Chicago; 398-418 America/New_York;
                    420-427 America/Chicago; 430-459 America/New_York; 460-462 America/Indiana/Indianapolis;
                    463-464 America/Chicago; 465-475 America/Indiana/Indianapolis; 476-477 America/Chicago;
                    478-479 America/Indiana/Indianapolis; 480-499 America/Detroit; 500-567 America/Chicago;
                    569 America/New_York; 570-576 America/Chicago; 577 America/Denver; 580-588 America/Chicago;
                    590-599 America/Denver; 600-689 America/Chicago; 690-693 America/Denver; 700-797 America/Chicago;
                    798-831 America/Denver; 832-837 America/Boise; 838 America/Los_Angeles; 840-847 America/Denver;
                    850-865 America/Phoenix; 870-885 America/Denver; 889-961 America/Los_Angeles;
                    967-968 Pacific/Honolulu; 969 Pacific/Guam; 970-994 America/Los_Angeles; 995-999 America/Anchorage"""),
            "AU", PostalRanges.digits(4, """
                    0200-0299 Australia/Sydney; 0800-0999 Australia/Darwin; 2880 Australia/Broken_Hill;
                    2898 Australia/Lord_Howe; 1000-2999 Australia/Sydney; 3000-3999 Australia/Melbourne;
                    4000-4999 Australia/Brisbane; 5000-5999 Australia/Adelaide; 6000-6999 Australia/Perth;
                    7000-7999 Australia/Hobart; 8000-8999 Australia/Melbourne; 9000-9999 Australia/Brisbane"""),
            "BR", PostalRanges.digits(5, """
                    53990 America/Noronha; 01000-39999 America/Sao_Paulo; 40000-48999 America/Bahia;
                    49000-49999 America/Maceio; 50000-56999 America/Recife; 57000-57999 America/Maceio;
                    58000-65999 America/Fortaleza; 66000-68999 America/Belem; 69000-69299 America/Manaus;
                    69300-69399 America/Boa_Vista; 69400-69899 America/Manaus; 69900-69999 America/Rio_Branco;
                    70000-76799 America/Sao_Paulo; 76800-76999 America/Porto_Velho; 77000-77999 America/Araguaina;
                    78000-78899 America/Cuiaba; 78900-78999 America/Porto_Velho; 79000-79999 America/Campo_Grande;
                    80000-99999 America/Sao_Paulo"""),
            "MX", PostalRanges.digits(2, """
                    21-22 America/Tijuana; 23 America/Mazatlan; 31 America/Chihuahua; 32 America/Ciudad_Juarez;
                    33 America/Chihuahua; 63 America/Mazatlan; 77 America/Cancun; 80-82 America/Mazatlan;
                    83-85 America/Hermosillo; 00-99 America/Mexico_City"""),
            "RU", PostalRanges.digits(3, """
                    236-238 Europe/Kaliningrad; 410-413 Europe/Saratov; 414-416 Europe/Astrakhan;
                    426-427 Europe/Samara; 432-433 Europe/Ulyanovsk; 443-446 Europe/Samara;
                    450-462 Asia/Yekaterinburg; 614-629 Asia/Yekaterinburg; 630-633 Asia/Novosibirsk; 634-636 Asia/Tomsk;
                    640-641 Asia/Yekaterinburg; 644-646 Asia/Omsk; 649 Asia/Barnaul; 650-654 Asia/Novokuznetsk;
                    655 Asia/Krasnoyarsk; 656-659 Asia/Barnaul; 660-663 Asia/Krasnoyarsk; 664-666 Asia/Irkutsk;
                    667-668 Asia/Krasnoyarsk; 669-671 Asia/Irkutsk; 672-674 Asia/Chita; 675-678 Asia/Yakutsk;
                    679-682 Asia/Vladivostok; 683-684 Asia/Kamchatka; 685-686 Asia/Magadan; 689 Asia/Anadyr;
                    690-692 Asia/Vladivostok; 693-694 Asia/Sakhalin; 100-199 Europe/Moscow; 200-499 Europe/Moscow;
                    600-613 Europe/Moscow"""),
            "ES", PostalRanges.digits(2, "35 Atlantic/Canary; 38 Atlantic/Canary"),
            "PT", PostalRanges.digits(4, "9000-9399 Atlantic/Madeira; 9500-9999 Atlantic/Azores"),
            "EC", PostalRanges.digits(2, "20 Pacific/Galapagos"),
            "CA", PostalRanges.letters("""
                    A America/St_Johns; B America/Halifax; C America/Halifax; E America/Moncton; G America/Toronto;
                    H America/Toronto; J America/Toronto; K America/Toronto; L America/Toronto; M America/Toronto;
                    N America/Toronto; P America/Toronto; R America/Winnipeg; S America/Regina; T America/Edmonton;
                    V America/Vancouver; X0A America/Iqaluit; X0B America/Iqaluit; X0C America/Iqaluit;
                    X America/Edmonton; Y America/Whitehorse"""));

    /** "AD Europe/Andorra  AE Asia/Dubai ..." → map. */
    private static Map<String, ZoneId> pairs(String table) {
        String[] words = table.trim().split("\\s+");
        Map<String, ZoneId> out = new HashMap<>();
        for (int i = 0; i < words.length; i += 2) {
            out.put(words[i], ZoneId.of(words[i + 1]));
        }
        return Map.copyOf(out);
    }

    /** "AB ALBERTA America/Edmonton; BC ..." : every key before a zone maps to it, normalised like input. */
    private static Map<String, ZoneId> regions(String country, String table) {
        Map<String, ZoneId> out = new HashMap<>();
        for (String group : table.split(";")) {
            String[] words = group.trim().split("\\s+");
            ZoneId zone = ZoneId.of(words[words.length - 1]);
            for (int i = 0; i < words.length - 1; i++) {
                if (out.put(regionKey(country, words[i]), zone) != null) {
                    throw new IllegalStateException("Region listed twice for " + country + ": " + words[i]);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Leading-character ranges of a postal code, first match wins (specific entries come first). */
    record PostalRanges(int length, boolean numeric, List<Range> ranges) {
        record Range(String from, String to, ZoneId zone) {
        }

        static PostalRanges digits(int length, String table) {
            return new PostalRanges(length, true, parse(table));
        }

        /** Canadian style: one letter, or a longer prefix listed before it. */
        static PostalRanges letters(String table) {
            return new PostalRanges(0, false, parse(table));
        }

        private static List<Range> parse(String table) {
            return java.util.Arrays.stream(table.split(";")).map(String::trim).map(entry -> {
                String[] parts = entry.split("\\s+");
                String[] bounds = parts[0].split("-");
                return new Range(bounds[0], bounds.length == 2 ? bounds[1] : bounds[0], ZoneId.of(parts[1]));
            }).toList();
        }

        ZoneId zoneOf(String postalCode) {
            String code = postalCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            for (Range range : ranges) {
                int n = numeric ? length : range.from().length();
                if (code.length() < n || (numeric && !code.chars().limit(length).allMatch(Character::isDigit))) {
                    continue;
                }
                String prefix = code.substring(0, n);
                if (prefix.compareTo(range.from()) >= 0 && prefix.compareTo(range.to()) <= 0) {
                    return range.zone();
                }
            }
            return null;
        }
    }
}
