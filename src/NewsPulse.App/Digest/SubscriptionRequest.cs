using System.Globalization;
using MimeKit;
using NewsPulse.Storage.Stores;
using NewsPulse.Tagging;

namespace NewsPulse.App.Digest;

/// <summary>A field of a subscription request that is wrong, and why.</summary>
public sealed record SubscriptionProblem(string Field, string Message);

/// <summary>
/// A subscription as asked for (the JSON of <c>POST /api/subscriptions</c>, the web form, the CLI), checked field by
/// field: the address, values the tagger knows, a real IANA time zone. Every field but the email is optional.
/// </summary>
public sealed record SubscriptionRequest
{
    public const int MaxFollows = 50;

    public string? Email { get; init; }
    public IReadOnlyList<string>? Companies { get; init; }
    public IReadOnlyList<string>? Countries { get; init; }
    public IReadOnlyList<string>? Themes { get; init; }
    public IReadOnlyList<string>? People { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public int? SendHour { get; init; }
    public string? TimeZone { get; init; }
    public int? MaxStories { get; init; }

    /// <summary>The language of the emails' own text (en or fr); by default French when French is the only language followed.</summary>
    public string? Locale { get; init; }

    /// <summary>The preferences to store, or the first problem found.</summary>
    public (SubscriberPreferences? Preferences, SubscriptionProblem? Problem) Validate()
    {
        if (EmailProblem(Email) is { } emailProblem)
        {
            return (null, new SubscriptionProblem("email", emailProblem));
        }

        var problems = new List<SubscriptionProblem>();
        var companies = Resolve("companies", Companies, TagKind.Company, "a company of the knowledge files (name or alias)", problems);
        var countries = Resolve("countries", Countries, TagKind.Country, "a country (ISO 3166-1 alpha-2 code or name)", problems);
        var themes = Resolve("themes", Themes, TagKind.Theme, $"a theme ({string.Join(", ", NewsPulse.Tagging.Themes.All)})", problems);
        var people = Clean("people", People, 100, problems);
        var keywords = Clean("keywords", Keywords, 100, problems);
        var languages = Clean("languages", Languages, 2, problems).Select(l => l.ToLowerInvariant()).Distinct().ToList();
        if (languages.FirstOrDefault(l => l.Length != 2 || !l.All(char.IsAsciiLetterLower)) is { } badLanguage)
        {
            problems.Add(new SubscriptionProblem("languages", $"'{badLanguage}' is not an ISO 639-1 code such as en or fr"));
        }

        if (SendHour is < 0 or > 23)
        {
            problems.Add(new SubscriptionProblem("send_hour", "send_hour must be a whole hour from 0 to 23"));
        }

        var zone = string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add(new SubscriptionProblem("time_zone", $"'{zone}' is not an IANA time zone such as Europe/Paris or America/New_York"));
        }

        if (MaxStories is < 1 or > 50)
        {
            problems.Add(new SubscriptionProblem("max_stories", "max_stories must be from 1 to 50"));
        }

        var locale = Locale?.Trim().ToLowerInvariant() ?? (languages is ["fr"] ? "fr" : "en");
        if (locale is not ("en" or "fr"))
        {
            problems.Add(new SubscriptionProblem("locale", "locale must be en or fr"));
        }

        return problems.Count > 0
            ? (null, problems[0])
            : (new SubscriberPreferences(Email!.Trim(), locale, companies, countries, themes, people, keywords, languages, SendHour ?? 7, zone, MaxStories ?? 10), null);
    }

    /// <summary>Why an address cannot receive mail, or null when it looks deliverable: one plain address with a dotted domain.</summary>
    public static string? EmailProblem(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "email is required";
        }

        if (trimmed.Length > 254 || !MailboxAddress.TryParse(trimmed, out var mailbox) || mailbox.Address != trimmed || !string.IsNullOrEmpty(mailbox.Name))
        {
            return $"'{trimmed}' is not one email address such as ana@example.org";
        }

        var at = trimmed.LastIndexOf('@');
        var domain = at > 0 ? trimmed[(at + 1)..] : "";
        var local = at > 0 ? trimmed[..at] : "";
        return local.Length is 0 or > 64 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal)
            ? $"'{trimmed}' is not one email address such as ana@example.org"
            : null;
    }

    private static List<string> Resolve(string field, IReadOnlyList<string>? values, TagKind kind, string what, List<SubscriptionProblem> problems)
    {
        var resolved = new List<string>();
        foreach (var value in Clean(field, values, 200, problems))
        {
            if (TagVocabulary.BuiltIn.Resolve(kind, value) is { } known)
            {
                resolved.Add(known);
            }
            else
            {
                problems.Add(new SubscriptionProblem(field, $"'{value}' is not {what}"));
            }
        }

        return [.. resolved.Distinct(StringComparer.Ordinal)];
    }

    private static List<string> Clean(string field, IReadOnlyList<string>? values, int maxLength, List<SubscriptionProblem> problems)
    {
        var cleaned = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count > MaxFollows)
        {
            problems.Add(new SubscriptionProblem(field, string.Create(CultureInfo.InvariantCulture, $"at most {MaxFollows} {field}")));
        }

        if (cleaned.FirstOrDefault(v => v.Length > maxLength) is { } tooLong)
        {
            problems.Add(new SubscriptionProblem(field, string.Create(CultureInfo.InvariantCulture, $"'{tooLong[..Math.Min(40, tooLong.Length)]}...' is longer than {maxLength} characters")));
        }

        return cleaned;
    }
}
