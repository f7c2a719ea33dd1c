namespace NewsPulse.Domain;

/// <summary>Where an article stands in the pipeline; every stage moves it forward or marks it failed with a reason.</summary>
public enum ArticleStatus
{
    Discovered,
    Fetched,
    Extracted,
    Tagged,
    Failed,

    /// <summary>The same story as an earlier article (same canonical URL or the same text); kept, pointing at it.</summary>
    Duplicate,
}
