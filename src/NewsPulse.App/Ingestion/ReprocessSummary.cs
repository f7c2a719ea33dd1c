namespace NewsPulse.App.Ingestion;

/// <summary>How a reprocessing run went: articles the stage succeeded on, and those it failed on (each with its reason).</summary>
public sealed record ReprocessSummary(int Succeeded, int Failed);
