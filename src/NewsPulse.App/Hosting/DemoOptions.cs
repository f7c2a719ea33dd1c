namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Where the demo's article list is served after the ingest.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
}
