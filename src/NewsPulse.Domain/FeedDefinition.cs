namespace NewsPulse.Domain;

/// <summary>One feed as declared in a feeds file (feeds.yaml): what to poll and how often.</summary>
/// <param name="Name">Human-readable name shown in summaries.</param>
/// <param name="Url">Absolute http(s) URL of the RSS, Atom or JSON feed.</param>
/// <param name="Language">ISO 639-1 hint for the feed's stories (null: detect).</param>
/// <param name="PollInterval">How often to poll the feed.</param>
/// <param name="Category">Free-form grouping such as technology or markets.</param>
/// <param name="Enabled">Disabled feeds are kept but never polled.</param>
public sealed record FeedDefinition(
    string Name,
    Uri Url,
    string? Language,
    TimeSpan PollInterval,
    string? Category,
    bool Enabled);
