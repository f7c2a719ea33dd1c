namespace NewsPulse.App.Ingestion;

/// <summary>How a reprocessing run went: articles that came out as articles, and pages that did not.</summary>
public sealed record ReprocessSummary(int Extracted, int Failed);
