namespace NewsPulse.App.Ingestion;

/// <summary>Progress of a long run: which stage, how far.</summary>
public sealed record IngestProgress(string Stage, int Done, int Total);
