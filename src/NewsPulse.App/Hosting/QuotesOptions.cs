namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Quotes</c>.</summary>
public sealed class QuotesOptions
{
    public const string SectionName = "Quotes";

    /// <summary>Extract quotes as articles are extracted; off, <c>reprocess --stage quotes</c> does it later.</summary>
    public bool Enabled { get; set; } = true;
}
