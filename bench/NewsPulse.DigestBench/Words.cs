namespace NewsPulse.DigestBench;

/// <summary>
/// The words the generated stories are written with, most frequent first so a Zipf draw over them gives text with a
/// realistic spread: a few very common words and a long tail that keywords can pick from.
/// </summary>
internal static class Words
{
    public static readonly string[] English =
    [
        "company", "market", "report", "growth", "data", "quarter", "investors", "technology", "government", "revenue",
        "network", "security", "customers", "chips", "software", "cloud", "energy", "regulators", "shares", "profit",
        "platform", "infrastructure", "analysts", "industry", "prices", "model", "research", "factory", "supply", "contract",
        "launch", "deal", "billion", "million", "earnings", "outlook", "strategy", "competition", "demand", "production",
        "startup", "funding", "acquisition", "merger", "lawmakers", "policy", "privacy", "breach", "ransomware", "patch",
        "vulnerability", "encryption", "satellite", "broadband", "spectrum", "fibre", "mobile", "operators", "subscribers", "towers",
        "semiconductor", "wafer", "foundry", "lithography", "transistor", "processor", "memory", "datacentre", "server", "storage",
        "inference", "training", "agents", "benchmark", "chatbot", "license", "repository", "maintainers", "kernel", "compiler",
        "hydrogen", "battery", "lithium", "solar", "turbine", "grid", "emissions", "carbon", "subsidy", "tariff",
        "export", "import", "sanctions", "inflation", "interest", "bond", "currency", "dividend", "buyback", "valuation",
        "layoffs", "hiring", "workforce", "union", "strike", "pension", "audit", "lawsuit", "settlement", "antitrust",
        "quantum", "robotics", "drone", "autonomous", "vehicle", "aircraft", "shipping", "logistics", "warehouse", "retail",
        "pharmaceutical", "vaccine", "genome", "hospital", "insurance", "banking", "payments", "stablecoin", "exchange", "broker",
        "telescope", "orbit", "rocket", "propulsion", "mining", "copper", "nickel", "steel", "cement", "harvest",
        "parliament", "ministry", "commission", "directive", "referendum", "coalition", "budget", "deficit", "treasury", "auction",
    ];

    public static readonly string[] French =
    [
        "entreprise", "marché", "rapport", "croissance", "données", "trimestre", "investisseurs", "technologie", "gouvernement", "chiffre",
        "réseau", "sécurité", "clients", "puces", "logiciel", "nuage", "énergie", "régulateurs", "actions", "bénéfice",
        "plateforme", "infrastructure", "analystes", "industrie", "prix", "modèle", "recherche", "usine", "approvisionnement", "contrat",
        "lancement", "accord", "milliards", "millions", "résultats", "perspectives", "stratégie", "concurrence", "demande", "production",
        "jeune", "financement", "acquisition", "fusion", "députés", "politique", "confidentialité", "fuite", "rançongiciel", "correctif",
        "vulnérabilité", "chiffrement", "satellite", "débit", "fréquences", "fibre", "mobile", "opérateurs", "abonnés", "antennes",
        "semi-conducteur", "plaquette", "fonderie", "lithographie", "transistor", "processeur", "mémoire", "centre", "serveur", "stockage",
        "inférence", "entraînement", "agents", "évaluation", "assistant", "licence", "dépôt", "mainteneurs", "noyau", "compilateur",
        "hydrogène", "batterie", "lithium", "solaire", "éolienne", "électricité", "émissions", "carbone", "subvention", "droits",
        "exportations", "importations", "sanctions", "inflation", "taux", "obligations", "monnaie", "dividende", "rachat", "valorisation",
        "licenciements", "embauches", "salariés", "syndicat", "grève", "retraites", "audit", "procès", "règlement", "concurrence",
        "quantique", "robotique", "drone", "autonome", "véhicule", "avion", "fret", "logistique", "entrepôt", "distribution",
        "pharmaceutique", "vaccin", "génome", "hôpital", "assurance", "banque", "paiements", "cryptomonnaie", "bourse", "courtier",
        "télescope", "orbite", "fusée", "propulsion", "mines", "cuivre", "nickel", "acier", "ciment", "récolte",
        "parlement", "ministère", "commission", "directive", "référendum", "coalition", "budget", "déficit", "trésor", "enchères",
    ];

    /// <summary>Short words that join the content words into something like sentences.</summary>
    public static readonly string[] EnglishJoiners = ["the", "a", "of", "and", "in", "for", "with", "on", "as", "after", "while", "its", "new", "more", "than"];

    public static readonly string[] FrenchJoiners = ["le", "la", "les", "de", "des", "et", "dans", "pour", "avec", "sur", "après", "tandis que", "son", "nouveau", "plus"];

    public static readonly string[] EnglishVerbs = ["expands", "cuts", "announces", "delays", "wins", "loses", "doubles", "tests", "unveils", "warns on"];

    public static readonly string[] FrenchVerbs = ["étend", "réduit", "annonce", "retarde", "remporte", "perd", "double", "teste", "dévoile", "alerte sur"];

    public static readonly string[] FirstNames =
    [
        "Anna", "James", "Olivia", "Thomas", "Sofia", "Daniel", "Emma", "Lucas", "Hannah", "Mark", "Priya", "Kenji", "Laura", "Ahmed", "Ingrid",
        "Hélène", "François", "Chloé", "Jérôme", "Amélie", "Benoît", "Élodie", "Jean-Marc", "Cécile", "Loïc", "Margaux", "Théo", "Inès", "Noémie", "Rémi",
    ];

    public static readonly string[] Surnames =
    [
        "Berg", "Carter", "Nakamura", "Okafor", "Schmidt", "Rossi", "Novak", "Patel", "Larsen", "Moreau", "Lefèvre", "Dubois", "Girard", "Lévy-Martin",
        "Rousseau", "Faure", "Mercier", "Blanchard", "Chevalier", "Fontaine", "García", "Jensen", "Kowalski", "O'Neill", "Svensson", "Tanaka", "Walsh",
        "Haddad", "Ivanova", "Müller", "Andersen", "Costa", "Duarte", "Eriksen", "Ferreira", "Gauthier", "Hoffmann", "Keller", "Lambert", "Marchand",
    ];

    public static readonly string[] Titles = ["chief executive", "analyst", "minister", "chief economist", "researcher", "spokesperson", "founder", "director"];

    public static readonly string[] OutletStarts = ["The Daily", "Global", "Le Courrier", "Tech", "Morning", "L'Écho", "Market", "Les Nouvelles", "Digital", "Capital"];

    public static readonly string[] OutletEnds = ["Ledger", "Wire", "Post", "Observer", "Review", "Dispatch", "Times", "Journal", "Gazette", "Signal"];

    public static readonly string[] TimeZones =
    [
        "UTC", "Europe/Paris", "Europe/London", "Europe/Berlin", "Europe/Madrid", "America/New_York", "America/Los_Angeles", "America/Montreal",
        "America/Sao_Paulo", "Asia/Tokyo", "Asia/Singapore", "Asia/Kolkata", "Australia/Sydney", "Africa/Abidjan", "Pacific/Auckland",
    ];
}
