namespace NewsPulse.Domain;

/// <summary>The lower-case names the database stores for <see cref="ArticleStatus"/>.</summary>
public static class ArticleStatusNames
{
    public const string Discovered = "discovered";
    public const string Fetched = "fetched";
    public const string Extracted = "extracted";
    public const string Tagged = "tagged";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";

    public static string ToName(this ArticleStatus status) => status switch
    {
        ArticleStatus.Discovered => Discovered,
        ArticleStatus.Fetched => Fetched,
        ArticleStatus.Extracted => Extracted,
        ArticleStatus.Tagged => Tagged,
        ArticleStatus.Failed => Failed,
        ArticleStatus.Duplicate => Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown article status."),
    };
}
