namespace NewsPulse.App.Hosting;

/// <summary>Configuration section <c>Serve</c>.</summary>
public sealed class ServeOptions
{
    public const string SectionName = "Serve";

    /// <summary>Where <c>newspulse serve</c> listens when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
}
