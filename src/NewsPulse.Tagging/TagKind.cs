namespace NewsPulse.Tagging;

/// <summary>The three sorts of tag a story carries.</summary>
public enum TagKind
{
    Company,
    Country,
    Theme,
}

/// <summary>The names tag kinds have in JSON, SQL and on the command line.</summary>
public static class TagKinds
{
    public static string Name(this TagKind kind) => kind switch
    {
        TagKind.Company => "company",
        TagKind.Country => "country",
        _ => "theme",
    };

    public static TagKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "company" or "companies" => TagKind.Company,
        "country" or "countries" => TagKind.Country,
        "theme" or "themes" => TagKind.Theme,
        _ => null,
    };
}
