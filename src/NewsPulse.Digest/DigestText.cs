using System.Globalization;
using NewsPulse.Tagging;

namespace NewsPulse.Digest;

/// <summary>The email's own words in English and French, and how tag values and dates read in each.</summary>
internal sealed class DigestText
{

    public static DigestText English { get; } = new()
    {
        Language = "en",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        Colon = ": ",
        SubjectPrefix = "NewsPulse: ",
        More = n => $"(+{n} more)",
        Stories = n => n == 1 ? "1 story" : $"{n} stories",
        TopOf = (n, m) => n == 1 ? $"The top story of {m}" : $"Top {n} of {m} stories",
        PreheaderLine = (count, date, topics) => topics.Length == 0 ? $"{count} for you on {date}" : $"{count} for you on {date}: {topics}",
        Heading = "Your daily digest",
        AlsoCoveredBy = n => n == 1 ? "Also covered by 1 outlet" : $"Also covered by {n} outlets",
        MatchesLabel = "Matches: ",
        KeywordReason = k => $"keyword: {k}",
        QuotesHeading = "Quotes of the day",
        OpenSite = "Open NewsPulse",
        Manage = "Manage preferences",
        Unsubscribe = "Unsubscribe",
        WhyReceived = "You receive this email because you subscribed to the NewsPulse daily digest.",
        FollowingLabel = "You follow: ",
        TopStoriesNote = "You follow nothing yet, so these are the day's most covered stories.",
        NothingToday = "No story matched what you follow today.",
        OpenQuote = "\u201C",
        CloseQuote = "\u201D",
        ConfirmSubject = "Confirm your NewsPulse daily digest",
        ConfirmIntro = "Please confirm that you want to receive the NewsPulse daily digest at this address.",
        ConfirmButton = "Confirm my subscription",
        ConfirmIgnore = "If you did not ask for it, ignore this email: nothing will be sent.",
    };

    // French typography wants a non-breaking space before a colon and inside guillemets.
    public static DigestText French { get; } = new()
    {
        Language = "fr",
        Culture = CultureInfo.GetCultureInfo("fr-FR"),
        Colon = "\u00A0: ",
        SubjectPrefix = "NewsPulse\u00A0: ",
        More = n => n == 1 ? "(+1 autre)" : $"(+{n} autres)",
        Stories = n => n == 1 ? "1 article" : $"{n} articles",
        TopOf = (n, m) => n == 1 ? $"Le premier de {m} articles" : $"Les {n} premiers de {m} articles",
        PreheaderLine = (count, date, topics) => topics.Length == 0 ? $"{count} pour vous le {date}" : $"{count} pour vous le {date}\u00A0: {topics}",
        Heading = "Votre résumé quotidien",
        AlsoCoveredBy = n => n == 1 ? "Également couvert par 1 média" : $"Également couvert par {n} médias",
        MatchesLabel = "Correspond à\u00A0: ",
        KeywordReason = k => $"mot-clé «\u00A0{k}\u00A0»",
        QuotesHeading = "Citations du jour",
        OpenSite = "Ouvrir NewsPulse",
        Manage = "Gérer mes préférences",
        Unsubscribe = "Se désabonner",
        WhyReceived = "Vous recevez cet e-mail parce que vous êtes abonné au résumé quotidien de NewsPulse.",
        FollowingLabel = "Vous suivez\u00A0: ",
        TopStoriesNote = "Vous ne suivez encore rien\u00A0: voici les articles les plus repris de la journée.",
        NothingToday = "Aucun article ne correspond aujourd’hui à ce que vous suivez.",
        OpenQuote = "«\u00A0",
        CloseQuote = "\u00A0»",
        ConfirmSubject = "Confirmez votre abonnement au résumé quotidien NewsPulse",
        ConfirmIntro = "Merci de confirmer que vous souhaitez recevoir le résumé quotidien de NewsPulse à cette adresse.",
        ConfirmButton = "Confirmer mon abonnement",
        ConfirmIgnore = "Si vous n’avez rien demandé, ignorez cet e-mail\u00A0: rien ne vous sera envoyé.",
    };

    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string Colon { get; init; }
    public required string SubjectPrefix { get; init; }
    public required Func<int, string> More { get; init; }
    public required Func<int, string> Stories { get; init; }
    public required Func<int, int, string> TopOf { get; init; }

    /// <summary>Count phrase, formatted date and topics (possibly empty) to the preheader's one line.</summary>
    public required Func<string, string, string, string> PreheaderLine { get; init; }
    public required string Heading { get; init; }
    public required Func<int, string> AlsoCoveredBy { get; init; }
    public required string MatchesLabel { get; init; }
    public required Func<string, string> KeywordReason { get; init; }
    public required string QuotesHeading { get; init; }
    public required string OpenSite { get; init; }
    public required string Manage { get; init; }
    public required string Unsubscribe { get; init; }
    public required string WhyReceived { get; init; }
    public required string FollowingLabel { get; init; }
    public required string TopStoriesNote { get; init; }
    public required string NothingToday { get; init; }
    public required string OpenQuote { get; init; }
    public required string CloseQuote { get; init; }
    public required string ConfirmSubject { get; init; }
    public required string ConfirmIntro { get; init; }
    public required string ConfirmButton { get; init; }
    public required string ConfirmIgnore { get; init; }

    /// <summary>The table for a locale; only French differs from the English default.</summary>
    public static DigestText For(string? locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    /// <summary>Quote marks of the language the words were said in, which may not be the email's.</summary>
    public static DigestText ForQuote(string? language, DigestText fallback) => language is null ? fallback : For(language);

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(value.UtcDateTime));

    /// <summary>How a stored tag value reads in this language: a country's or theme's name; a company as it is.</summary>
    public string TagName(string kind, string value) => TagNames.Of(kind, value, Language);
}
