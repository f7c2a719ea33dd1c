using System.Globalization;
using NewsPulse.Tagging;

namespace NewsPulse.App.Web;

/// <summary>
/// Every string the web pages show, in English and in French: one table per language, so a missing translation is a
/// compile error rather than an English word on a French page. Text from articles is never translated.
/// </summary>
public sealed class UiText
{
    /// <summary>The UI languages: English first, as the fallback.</summary>
    public static IReadOnlyList<UiText> All { get; } = [English(), French()];

    /// <summary>ISO 639-1 code, as <c>&lt;html lang&gt;</c>, <c>?lang=</c> and the cookie spell it.</summary>
    public required string Language { get; init; }

    /// <summary>The language's own name, for the switch.</summary>
    public required string NativeName { get; init; }

    public required CultureInfo Culture { get; init; }

    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string LanguageSwitch { get; init; }
    public required string NavSearch { get; init; }
    public required string NavPeople { get; init; }
    public required string NavFeeds { get; init; }
    public required string NavSubscribe { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFound { get; init; }
    public required string BadRequestTitle { get; init; }

    public required string SearchTitle { get; init; }
    public required string FieldText { get; init; }
    public required string FieldTextHint { get; init; }
    public required string FieldCompany { get; init; }
    public required string FieldCountry { get; init; }
    public required string FieldTheme { get; init; }
    public required string FieldPerson { get; init; }
    public required string FieldLanguage { get; init; }
    public required string FieldSource { get; init; }
    public required string FieldFrom { get; init; }
    public required string FieldTo { get; init; }
    public required string FieldSort { get; init; }
    public required string SeveralValuesHint { get; init; }
    public required string Any { get; init; }
    public required string SortPublished { get; init; }
    public required string SortRelevance { get; init; }
    public required string SearchButton { get; init; }
    public required string ClearFilters { get; init; }
    public required string Results { get; init; }
    public required string NoResults { get; init; }
    public required string NextPage { get; init; }
    public required string Refine { get; init; }
    public required Func<string, string> RemoveFilter { get; init; }
    public required Func<string, string, string> InvalidDate { get; init; }
    public required Func<string, string> UnknownCompany { get; init; }
    public required Func<string, string> UnknownCountry { get; init; }
    public required Func<string, string> UnknownTheme { get; init; }
    public required string InvalidSort { get; init; }
    public required string RelevanceNeedsText { get; init; }
    public required string InvalidCursor { get; init; }
    public required Func<int, string> InvalidLimit { get; init; }

    public required string Companies { get; init; }
    public required string Countries { get; init; }
    public required string Themes { get; init; }
    public required string Tags { get; init; }
    public required string Source { get; init; }
    public required string Published { get; init; }
    public required string Authors { get; init; }
    public required string OriginalArticle { get; init; }
    public required string NotExtracted { get; init; }
    public required string Confidence { get; init; }
    public required string AnalystTag { get; init; }
    public required string Quotes { get; init; }
    public required string IndirectQuote { get; init; }
    public required string SameStory { get; init; }

    public required string Company { get; init; }
    public required string Country { get; init; }
    public required string Theme { get; init; }
    public required string RecentStories { get; init; }
    public required string AllStoriesInSearch { get; init; }
    public required string NoStories { get; init; }
    public required string DailyVolume { get; init; }
    public required Func<string, string> DailyVolumeTitle { get; init; }
    public required Func<string, int, int, string, string, string> DailyVolumeDescription { get; init; }
    public required Func<string, int, string> DayCount { get; init; }
    public required string MentionedWithCompanies { get; init; }
    public required string MentionedWithCountries { get; init; }
    public required string NoneYet { get; init; }
    public required Func<int, string> Stories { get; init; }

    public required string People { get; init; }
    public required string PersonName { get; init; }
    public required string FindPeople { get; init; }
    public required string NoPeople { get; init; }
    public required Func<int, string> QuoteCount { get; init; }
    public required string OtherNames { get; init; }
    public required string Roles { get; init; }
    public required string RoleTitle { get; init; }
    public required string Organisation { get; init; }
    public required string FirstSeen { get; init; }
    public required string LastSeen { get; init; }
    public required string ExportCsv { get; init; }

    public required string FeedHealth { get; init; }
    public required Func<int, int, string> FeedsSummary { get; init; }
    public required string Feed { get; init; }
    public required string State { get; init; }
    public required string LastSuccess { get; init; }
    public required string ConsecutiveErrors { get; init; }
    public required string LastError { get; init; }
    public required string NextCheck { get; init; }
    public required string ItemsPerDay { get; init; }
    public required string Never { get; init; }
    public required IReadOnlyDictionary<string, string> FeedStates { get; init; }

    public required string SubscribeTitle { get; init; }
    public required string SubscribeIntro { get; init; }
    public required string Email { get; init; }
    public required string Keywords { get; init; }
    public required string Languages { get; init; }
    public required string SendHour { get; init; }
    public required string TimeZone { get; init; }
    public required string TimeZoneHint { get; init; }
    public required string MaxStories { get; init; }
    public required string SubscribeButton { get; init; }
    public required string CheckInboxTitle { get; init; }
    public required Func<string, string> CheckInbox { get; init; }
    public required string MailUnavailable { get; init; }
    public required string ConfirmTitle { get; init; }
    public required Func<string, string> ConfirmIntro { get; init; }
    public required string ConfirmButton { get; init; }
    public required string ConfirmedTitle { get; init; }
    public required string Confirmed { get; init; }
    public required string UnsubscribeTitle { get; init; }
    public required Func<string, string> UnsubscribeIntro { get; init; }
    public required string UnsubscribeButton { get; init; }
    public required string UnsubscribedTitle { get; init; }
    public required string Unsubscribed { get; init; }
    public required string ManageTitle { get; init; }
    public required string SaveButton { get; init; }
    public required string Saved { get; init; }
    public required string LinkInvalidTitle { get; init; }
    public required string LinkInvalid { get; init; }

    /// <summary>The table for <paramref name="language"/> (a two-letter code), or null when the UI does not speak it.</summary>
    public static UiText? Find(string? language) => All.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>Theme names as readers of this language call them; the stored names stay in links.</summary>
    public string ThemeName(string theme) => TagNames.Theme(theme, Language);

    public string CountryName(string code) => TagNames.Country(code, Language);

    public string TagName(string kind, string value) => TagNames.Of(kind, value, Language);

    public string Date(DateTimeOffset value) => value.UtcDateTime.ToString("d MMM yyyy", Culture);

    public string DateTime(DateTimeOffset value) => value.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", Culture);

    public string Number(double value, string format) => value.ToString(format, Culture);

    private static UiText English() => new()
    {
        Language = "en",
        NativeName = "English",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        SkipToContent = "Skip to content",
        MainNavigation = "Main",
        LanguageSwitch = "Language",
        NavSearch = "Search",
        NavPeople = "People",
        NavFeeds = "Feeds",
        NavSubscribe = "Subscribe",
        NotFoundTitle = "Not found",
        NotFound = "Nothing is stored at this address: it may be mistyped, or what it showed was removed.",
        BadRequestTitle = "Please check the search",
        SearchTitle = "Search the news",
        FieldText = "Words",
        FieldTextHint = "words, \"exact phrases\", prefix*, -excluded",
        FieldCompany = "Company",
        FieldCountry = "Country",
        FieldTheme = "Theme",
        FieldPerson = "Person quoted",
        FieldLanguage = "Language",
        FieldSource = "Source (feed)",
        FieldFrom = "From",
        FieldTo = "Before",
        FieldSort = "Sort",
        SeveralValuesHint = "several: separate with commas",
        Any = "Any",
        SortPublished = "Newest first",
        SortRelevance = "Most relevant first",
        SearchButton = "Search",
        ClearFilters = "Clear all filters",
        Results = "Results",
        NoResults = "No article matches this search.",
        NextPage = "Next page",
        Refine = "Refine",
        RemoveFilter = value => $"Remove the filter {value}",
        InvalidDate = (field, value) => $"{field}: \"{value}\" is not a date. Use a date like 2026-11-20.",
        UnknownCompany = value => $"Company: \"{value}\" is not a company NewsPulse knows. Try its usual name or ticker.",
        UnknownCountry = value => $"Country: \"{value}\" is not a country. Use its name or its two-letter code (FR, US…).",
        UnknownTheme = value => $"Theme: \"{value}\" is not one of the themes.",
        InvalidSort = "Sort: choose newest first or most relevant first.",
        RelevanceNeedsText = "Sorting by relevance needs words to search for.",
        InvalidCursor = "This next-page link is out of date. Start the search again from the first page.",
        InvalidLimit = max => $"Results per page (limit): use a whole number from 1 to {max}.",
        Companies = "Companies",
        Countries = "Countries",
        Themes = "Themes",
        Tags = "Tags",
        Source = "Source",
        Published = "Published",
        Authors = "By",
        OriginalArticle = "Read the original",
        NotExtracted = "The text could not be extracted:",
        Confidence = "confidence",
        AnalystTag = "set by an analyst",
        Quotes = "Quotes",
        IndirectQuote = "reported speech",
        SameStory = "The same story elsewhere",
        Company = "Company",
        Country = "Country",
        Theme = "Theme",
        RecentStories = "Recent stories",
        AllStoriesInSearch = "All these stories in search",
        NoStories = "No stories yet.",
        DailyVolume = "Stories per day, last 90 days",
        DailyVolumeTitle = name => $"Stories per day about {name}, last 90 days",
        DailyVolumeDescription = (name, total, max, from, to) =>
            $"Bar chart of the daily number of stories about {name} from {from} to {to}: {total} in all, at most {max} in one day.",
        DayCount = (day, count) => $"{day}: {count} {(count == 1 ? "story" : "stories")}",
        MentionedWithCompanies = "Companies in the same stories",
        MentionedWithCountries = "Countries in the same stories",
        NoneYet = "None yet.",
        Stories = count => count == 1 ? "1 story" : $"{count} stories",
        People = "People",
        PersonName = "Name",
        FindPeople = "Find",
        NoPeople = "Nobody found.",
        QuoteCount = count => count == 1 ? "1 quote" : $"{count} quotes",
        OtherNames = "Names",
        Roles = "Titles and organisations",
        RoleTitle = "Title",
        Organisation = "Organisation",
        FirstSeen = "First seen",
        LastSeen = "Last seen",
        ExportCsv = "Export the quotes as CSV",
        FeedHealth = "Feed health",
        FeedsSummary = (count, failing) => $"{count} feeds, {failing} failing or gone.",
        Feed = "Feed",
        State = "State",
        LastSuccess = "Last success",
        ConsecutiveErrors = "Consecutive errors",
        LastError = "Last error",
        NextCheck = "Next check",
        ItemsPerDay = "Items per day",
        Never = "never",
        FeedStates = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ok"] = "ok", ["new"] = "new", ["failing"] = "failing", ["gone"] = "gone", ["disabled"] = "disabled",
        },
        SubscribeTitle = "Daily digest",
        SubscribeIntro = "Get one email a day with the stories that match what you follow. Leave a field empty to not filter on it.",
        Email = "Email address",
        Keywords = "Keywords",
        Languages = "Languages",
        SendHour = "Send at (hour)",
        TimeZone = "Time zone",
        TimeZoneHint = "IANA name, like Europe/Paris or America/New_York",
        MaxStories = "At most this many stories",
        SubscribeButton = "Subscribe",
        CheckInboxTitle = "Check your inbox",
        CheckInbox = email => $"If {email} is not subscribed yet, a confirmation link is on its way there. Your digest starts once you click it.",
        MailUnavailable = "The confirmation email could not be sent just now. Please try again in a few minutes.",
        ConfirmTitle = "Confirm your subscription",
        ConfirmIntro = email => $"Send the daily digest to {email}?",
        ConfirmButton = "Confirm",
        ConfirmedTitle = "Subscription confirmed",
        Confirmed = "Your first digest arrives at the hour you chose. Every digest has links to change your preferences or unsubscribe.",
        UnsubscribeTitle = "Unsubscribe",
        UnsubscribeIntro = email => $"Stop sending the daily digest to {email}?",
        UnsubscribeButton = "Unsubscribe",
        UnsubscribedTitle = "Unsubscribed",
        Unsubscribed = "No more digests will be sent to this address. You can subscribe again at any time.",
        ManageTitle = "Your digest preferences",
        SaveButton = "Save",
        Saved = "Your preferences are saved; the next digest follows them.",
        LinkInvalidTitle = "This link does not work",
        LinkInvalid = "It may have expired, or a newer email replaced it. Subscribe again to get a fresh link.",
    };

    private static UiText French() => new()
    {
        Language = "fr",
        NativeName = "Français",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        SkipToContent = "Aller au contenu",
        MainNavigation = "Menu principal",
        LanguageSwitch = "Langue",
        NavSearch = "Recherche",
        NavPeople = "Personnes",
        NavFeeds = "Flux",
        NavSubscribe = "S’abonner",
        NotFoundTitle = "Page introuvable",
        NotFound = "Rien n’est enregistré à cette adresse : elle contient peut-être une faute de frappe, ou ce qu’elle montrait a été supprimé.",
        BadRequestTitle = "Vérifiez la recherche",
        SearchTitle = "Rechercher dans l’actualité",
        FieldText = "Mots",
        FieldTextHint = "mots, \"expressions exactes\", préfixe*, -exclus",
        FieldCompany = "Entreprise",
        FieldCountry = "Pays",
        FieldTheme = "Thème",
        FieldPerson = "Personne citée",
        FieldLanguage = "Langue",
        FieldSource = "Source (flux)",
        FieldFrom = "Du",
        FieldTo = "Avant le",
        FieldSort = "Tri",
        SeveralValuesHint = "plusieurs : séparez-les par des virgules",
        Any = "Indifférent",
        SortPublished = "Les plus récents d’abord",
        SortRelevance = "Les plus pertinents d’abord",
        SearchButton = "Rechercher",
        ClearFilters = "Effacer tous les filtres",
        Results = "Résultats",
        NoResults = "Aucun article ne correspond à cette recherche.",
        NextPage = "Page suivante",
        Refine = "Affiner",
        RemoveFilter = value => $"Retirer le filtre {value}",
        InvalidDate = (field, value) => $"{field} : « {value} » n’est pas une date. Saisissez une date comme 2026-11-20.",
        UnknownCompany = value => $"Entreprise : « {value} » n’est pas une entreprise connue de NewsPulse. Essayez son nom usuel ou son symbole boursier.",
        UnknownCountry = value => $"Pays : « {value} » n’est pas un pays. Saisissez son nom ou son code à deux lettres (FR, US…).",
        UnknownTheme = value => $"Thème : « {value} » ne fait pas partie des thèmes.",
        InvalidSort = "Tri : choisissez les plus récents ou les plus pertinents d’abord.",
        RelevanceNeedsText = "Le tri par pertinence nécessite des mots à rechercher.",
        InvalidCursor = "Ce lien de page suivante n’est plus valable. Relancez la recherche depuis la première page.",
        InvalidLimit = max => $"Résultats par page (limit) : saisissez un nombre entier de 1 à {max}.",
        Companies = "Entreprises",
        Countries = "Pays",
        Themes = "Thèmes",
        Tags = "Étiquettes",
        Source = "Source",
        Published = "Publié le",
        Authors = "Par",
        OriginalArticle = "Lire l’original",
        NotExtracted = "Le texte n’a pas pu être extrait :",
        Confidence = "confiance",
        AnalystTag = "posée par un analyste",
        Quotes = "Citations",
        IndirectQuote = "discours rapporté",
        SameStory = "La même information ailleurs",
        Company = "Entreprise",
        Country = "Pays",
        Theme = "Thème",
        RecentStories = "Articles récents",
        AllStoriesInSearch = "Tous ces articles dans la recherche",
        NoStories = "Aucun article pour l’instant.",
        DailyVolume = "Articles par jour, 90 derniers jours",
        DailyVolumeTitle = name => $"Articles par jour sur {name}, 90 derniers jours",
        DailyVolumeDescription = (name, total, max, from, to) =>
            $"Histogramme du nombre quotidien d’articles sur {name} du {from} au {to} : {total} au total, au plus {max} en une journée.",
        DayCount = (day, count) => $"{day} : {count} article{(count > 1 ? "s" : "")}",
        MentionedWithCompanies = "Entreprises citées dans les mêmes articles",
        MentionedWithCountries = "Pays cités dans les mêmes articles",
        NoneYet = "Aucun pour l’instant.",
        Stories = count => count > 1 ? $"{count} articles" : $"{count} article",
        People = "Personnes",
        PersonName = "Nom",
        FindPeople = "Chercher",
        NoPeople = "Personne n’a été trouvé.",
        QuoteCount = count => count > 1 ? $"{count} citations" : $"{count} citation",
        OtherNames = "Noms",
        Roles = "Fonctions et organisations",
        RoleTitle = "Fonction",
        Organisation = "Organisation",
        FirstSeen = "Vu pour la première fois",
        LastSeen = "Vu pour la dernière fois",
        ExportCsv = "Exporter les citations en CSV",
        FeedHealth = "État des flux",
        FeedsSummary = (count, failing) => $"{count} flux, dont {failing} en erreur ou disparus.",
        Feed = "Flux",
        State = "État",
        LastSuccess = "Dernier succès",
        ConsecutiveErrors = "Erreurs consécutives",
        LastError = "Dernière erreur",
        NextCheck = "Prochaine vérification",
        ItemsPerDay = "Articles par jour",
        Never = "jamais",
        FeedStates = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ok"] = "ok", ["new"] = "nouveau", ["failing"] = "en erreur", ["gone"] = "disparu", ["disabled"] = "désactivé",
        },
        SubscribeTitle = "Résumé quotidien",
        SubscribeIntro = "Recevez chaque jour un e-mail avec les articles qui correspondent à ce que vous suivez. Laissez un champ vide pour ne pas filtrer dessus.",
        Email = "Adresse e-mail",
        Keywords = "Mots-clés",
        Languages = "Langues",
        SendHour = "Heure d’envoi",
        TimeZone = "Fuseau horaire",
        TimeZoneHint = "nom IANA, par exemple Europe/Paris ou America/Montreal",
        MaxStories = "Nombre maximal d’articles",
        SubscribeButton = "S’abonner",
        CheckInboxTitle = "Consultez votre boîte de réception",
        CheckInbox = email => $"Si {email} n’est pas encore abonné, un lien de confirmation vient d’y être envoyé. Le résumé commence dès que vous cliquez dessus.",
        MailUnavailable = "L’e-mail de confirmation n’a pas pu être envoyé pour l’instant. Réessayez dans quelques minutes.",
        ConfirmTitle = "Confirmez votre abonnement",
        ConfirmIntro = email => $"Envoyer le résumé quotidien à {email} ?",
        ConfirmButton = "Confirmer",
        ConfirmedTitle = "Abonnement confirmé",
        Confirmed = "Votre premier résumé arrivera à l’heure choisie. Chaque résumé contient des liens pour modifier vos préférences ou vous désabonner.",
        UnsubscribeTitle = "Se désabonner",
        UnsubscribeIntro = email => $"Ne plus envoyer le résumé quotidien à {email} ?",
        UnsubscribeButton = "Se désabonner",
        UnsubscribedTitle = "Désabonnement effectué",
        Unsubscribed = "Plus aucun résumé ne sera envoyé à cette adresse. Vous pouvez vous réabonner à tout moment.",
        ManageTitle = "Vos préférences de résumé",
        SaveButton = "Enregistrer",
        Saved = "Vos préférences sont enregistrées ; le prochain résumé en tiendra compte.",
        LinkInvalidTitle = "Ce lien ne fonctionne pas",
        LinkInvalid = "Il a peut-être expiré, ou un e-mail plus récent l’a remplacé. Abonnez-vous de nouveau pour recevoir un nouveau lien.",
    };
}
