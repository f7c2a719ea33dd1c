using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;

namespace NewsPulse.IntegrationTests;

/// <summary>Signed email links: only this server's secret makes them, each serves one purpose, confirmation links expire.</summary>
public sealed class LinkTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    private LinkTokens Tokens(string secret) => new(Options.Create(new DigestOptions { TokenSecret = secret }), _time);

    [Fact]
    public void A_token_reads_back_only_for_its_purpose_its_secret_and_its_lifetime()
    {
        var tokens = Tokens(new string('a', 40));
        var confirm = tokens.Create(LinkPurpose.Confirm, 42, 3, TimeSpan.FromHours(72));
        var unsubscribe = tokens.Create(LinkPurpose.Unsubscribe, 42, 3);
        var tampered = confirm[..^2] + (confirm[^2] == 'A' ? "BB" : "AA");

        Assert.Equal(new LinkToken(42, 3), tokens.Read(LinkPurpose.Confirm, confirm));
        Assert.Null(tokens.Read(LinkPurpose.Unsubscribe, confirm));
        Assert.Null(tokens.Read(LinkPurpose.Confirm, tampered));
        Assert.Null(Tokens(new string('b', 40)).Read(LinkPurpose.Confirm, confirm));
        foreach (var garbage in new[] { null, "", ".", "a.b.c", "not base64!.x", "forged.token" })
        {
            Assert.Null(tokens.Read(LinkPurpose.Confirm, garbage));
        }

        _time.Advance(TimeSpan.FromHours(73));
        Assert.Null(tokens.Read(LinkPurpose.Confirm, confirm));
        Assert.Equal(new LinkToken(42, 3), tokens.Read(LinkPurpose.Unsubscribe, unsubscribe));
    }
}
