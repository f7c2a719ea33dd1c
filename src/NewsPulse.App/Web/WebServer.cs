using NewsPulse.App.Hosting;

namespace NewsPulse.App.Web;

/// <summary>The web front: pages over the stored articles, on Kestrel, bound to the given URLs.</summary>
public static class WebServer
{
    public static WebApplication Build(string connectionString, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddNewsPulseSources();
        AppServices.ConfigureLogging(builder.Logging, builder.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddNewsPulse(builder.Configuration, connectionString);
        var app = builder.Build();
        app.MapArticlePages();
        return app;
    }
}
