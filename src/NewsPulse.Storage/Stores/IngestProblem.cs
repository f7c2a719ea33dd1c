namespace NewsPulse.Storage.Stores;

/// <summary>One thing that went wrong in a run: what (a feeds file, a feed, a page), which one, and why.</summary>
public sealed record IngestProblem(string Kind, string Subject, string Reason);
