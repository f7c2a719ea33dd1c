using System.Security.Cryptography;

namespace NewsPulse.App.Web;

/// <summary>
/// The pages' one stylesheet, built into the assembly and served by the app itself: no CDN, no inline styles (so the
/// Content-Security-Policy can forbid them). Its path carries a hash of its content, so browsers may cache it for good.
/// </summary>
public static class SiteStyle
{
    private static readonly byte[] Content = Read();

    public static string Path { get; } = $"/site.{Convert.ToHexStringLower(SHA256.HashData(Content))[..12]}.css";

    public static IEndpointRouteBuilder MapSiteStyle(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Content, "text/css; charset=utf-8");
        });
        return routes;
    }

    private static byte[] Read()
    {
        using var stream = typeof(SiteStyle).Assembly.GetManifestResourceStream("site.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
