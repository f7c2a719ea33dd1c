namespace NewsPulse.Domain;

/// <summary>
/// Where an article stands in the pipeline, as the database stores it: every stage moves it forward or marks
/// it failed with a reason; a copy of an earlier story is kept as a duplicate.
/// </summary>
public static class ArticleStatusNames
{
    public const string Discovered = "discovered";
    public const string Fetched = "fetched";
    public const string Extracted = "extracted";
    public const string Tagged = "tagged";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";
}
