namespace NewsPulse.Ingest.Feeds;

/// <summary>One problem in a feeds file, located so the user can go straight to it.</summary>
public sealed record FeedsFileError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
