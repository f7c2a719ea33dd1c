namespace NewsPulse.Domain;

/// <summary>Where an article stands in the pipeline; every stage moves it forward or marks it failed with a reason.</summary>
public enum ArticleStatus
{
    Discovered,
    Fetched,
    Extracted,
    Tagged,
    Failed,
}
