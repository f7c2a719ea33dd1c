using NewsPulse.Domain;

namespace NewsPulse.Ingest.Feeds;

/// <summary>
/// The result of reading a feeds file: the entries that are valid, and one error per invalid entry.
/// A file with errors still yields its valid feeds so one typo never stops the whole run.
/// </summary>
public sealed record FeedsFile(string Path, IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<FeedsFileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
