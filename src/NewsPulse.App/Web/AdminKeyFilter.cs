using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsPulse.App.Hosting;

namespace NewsPulse.App.Web;

/// <summary>
/// Lets a request through to an admin endpoint only with one of the configured <c>Api:AdminKeys</c>, sent as
/// <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>; anything else answers 401 with problem details.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    // Hashes compare in constant time whatever the lengths, so the answer time says nothing about a key.
    private readonly byte[][] _keyHashes = [.. options.Value.AdminKeys.Select(k => Hash(k.Trim()))];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = PresentedKey(context.HttpContext.Request);
        if (_keyHashes.Length == 0)
        {
            return Unauthorized(context.HttpContext, "No admin keys are configured on this server: set Api:AdminKeys (or NEWSPULSE__Api__AdminKeys__0) to enable admin endpoints.");
        }

        if (presented is null)
        {
            return Unauthorized(context.HttpContext, $"This endpoint needs an admin key: send it as {HeaderName}: KEY or Authorization: Bearer KEY.");
        }

        var hash = Hash(presented);
        var accepted = false;
        foreach (var keyHash in _keyHashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return accepted ? await next(context) : Unauthorized(context.HttpContext, "The admin key is not valid.");
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7 ? authorization[7..].Trim() : null;
    }

    private static IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(title: "Admin key required", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>Marks endpoints as admin-only.</summary>
internal static class AdminKeyExtensions
{
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminKeyFilter>();
}
