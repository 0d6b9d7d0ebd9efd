package org.continuum.seed.control;

import org.continuum.reference.entity.Situation;

import java.util.List;
import java.util.Random;

/**
 * Invented requesters for generated data: legal names in Latin, Cyrillic and Arabic scripts (and a few Persian), with
 * the countries and languages that go with them. Every name is assembled from parts, so none is a real person's by
 * intent; a pseudonym is a nature word and a number, as caseworkers choose them.
 */
final class SyntheticPeople {

    /** A script family: its given names, family names, countries of danger and languages. */
    private record Script(List<String> given, List<String> family, List<String> countries, List<String> languages,
                          int weight) {
    }

    private static final List<Script> SCRIPTS = List.of(
            new Script(List.of("ليلى", "يوسف", "نور", "سامي", "رنا", "خالد", "هدى", "عمر", "مريم", "زياد", "سلمى",
                    "طارق", "دينا", "بشير", "جميلة", "وليد"),
                    List.of("منصور", "الخطيب", "حداد", "العلي", "نصر", "الأحمد", "شريف", "يونس", "قاسم", "البيطار",
                            "عيسى", "الزين"),
                    List.of("LB", "SY", "JO", "EG", "IQ", "DZ", "MA", "TN", "YE", "SD", "LY"), List.of("ar"), 40),
            new Script(List.of("Анна", "Дмитрий", "Ольга", "Сергей", "Мария", "Алексей", "Елена", "Игорь",
                    "Наталья", "Артём", "Ксения", "Тимур", "Айгерим", "Руслан"),
                    List.of("Смирнова", "Волков", "Кузнецова", "Попов", "Соколова", "Лебедев", "Морозова",
                            "Новиков", "Ахметова", "Каримов", "Исаева", "Орлов"),
                    List.of("RU", "BY", "KZ", "TJ", "UZ", "KG", "AZ", "TM"), List.of("ru"), 35),
            new Script(List.of("Karim", "Zoë", "Amaka", "Tomás", "Chidi", "Fatou", "Luis", "Aïcha", "Kofi", "Mariam",
                    "Nguyễn", "Şahin", "Oksana", "Jean-Pierre", "Adaeze", "Emeka"),
                    List.of("Benali", "Lefèvre", "Okafor", "Mensah", "Diallo", "Traoré", "Gómez", "Yılmaz",
                            "Nwosu", "Kamara", "Nguyễn-Lê", "Ferreira", "Moreau", "Ouédraogo"),
                    List.of("NG", "UG", "CM", "SN", "GH", "KE", "TR", "HN", "GT", "VE", "MD", "GE", "UA"),
                    List.of("en", "fr", "es", "tr"), 20),
            new Script(List.of("سارا", "امید", "نگار", "بهرام", "پریسا", "آرش", "شیرین", "کاوه"),
                    List.of("رضایی", "احمدی", "کریمی", "موسوی", "حسینی", "جعفری"),
                    List.of("IR", "AF"), List.of("fa"), 5));

    private static final List<String> PSEUDONYMS = List.of("Cedar", "Olive", "Falcon", "Birch", "Lynx", "Heron",
            "Willow", "Sparrow", "Juniper", "Otter", "Maple", "Wren", "Aspen", "Fern", "Kestrel", "Rowan", "Sage",
            "Linden", "Marten", "Thistle", "Plover", "Alder", "Hazel", "Lark", "Ibis", "Yarrow", "Robin", "Tamarisk");

    private static final List<String> PLACES = List.of("Capital area", "Northern district", "Coastal city",
            "Border town", "Old town", "Eastern suburbs", "University quarter", "Rural district");

    private static final List<String> CONTACTS = List.of("Signal via partner", "Secure messenger (marked safe)",
            "E-mail through a partner organisation", "Phone of a trusted friend", "Encrypted e-mail");

    private static final List<String> OTHER_LANGUAGES = List.of("en", "fr");

    private SyntheticPeople() {
    }

    record Person(String pseudonym, String legalName, String contact, String location, String country,
                  List<String> languages, Situation situation) {
    }

    static Person draw(Random random, long number) {
        Script script = script(random);
        String legalName = pick(random, script.given()) + " " + pick(random, script.family());
        String language = pick(random, script.languages());
        List<String> languages = random.nextInt(3) == 0 && !OTHER_LANGUAGES.contains(language)
                ? List.of(language, pick(random, OTHER_LANGUAGES)) : List.of(language);
        Situation situation = situation(random);
        String country = pick(random, script.countries());
        return new Person(pick(random, PSEUDONYMS) + "-" + number, legalName,
                random.nextInt(4) == 0 ? null : pick(random, CONTACTS), pick(random, PLACES), country, languages,
                situation);
    }

    private static Script script(Random random) {
        int total = SCRIPTS.stream().mapToInt(Script::weight).sum();
        int draw = random.nextInt(total);
        for (Script script : SCRIPTS) {
            draw -= script.weight();
            if (draw < 0) {
                return script;
            }
        }
        return SCRIPTS.get(0);
    }

    /** Most requesters are still in the country of danger; defenders by profession next. */
    private static Situation situation(Random random) {
        int draw = random.nextInt(100);
        if (draw < 45) {
            return Situation.IN_COUNTRY_OF_DANGER;
        }
        if (draw < 65) {
            return Situation.PROFESSIONAL_DEFENDER;
        }
        if (draw < 80) {
            return Situation.ASYLUM_SEEKER;
        }
        if (draw < 90) {
            return Situation.INTERNALLY_DISPLACED;
        }
        return Situation.RECOGNISED_REFUGEE;
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
