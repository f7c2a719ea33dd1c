using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsPulse.IntegrationTests;

/// <summary>A Kestrel of the tests' own on 127.0.0.1 and a free port, quiet, optionally counting every request by path.</summary>
internal static class LocalServer
{
    public static WebApplication Create(ConcurrentDictionary<string, int>? requestsByPath = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        if (requestsByPath is not null)
        {
            server.Use(async (context, next) =>
            {
                requestsByPath.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
                await next(context);
            });
        }

        return server;
    }
}
