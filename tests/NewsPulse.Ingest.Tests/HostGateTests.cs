using Microsoft.Extensions.Time.Testing;
using NewsPulse.Ingest.Fetching;

namespace NewsPulse.Ingest.Tests;

public class HostGateTests
{
    private static readonly Uri SiteA = new("https://a.example/page/1");
    private static readonly Uri SiteAOther = new("https://A.example/page/2");
    private static readonly Uri SiteB = new("https://b.example/");

    [Fact]
    public async Task Requests_to_one_host_start_at_least_the_delay_apart()
    {
        var time = new FakeTimeProvider();
        var gate = new HostGate(concurrency: 2, TimeSpan.FromSeconds(1), time);

        using var first = await gate.EnterAsync(SiteA, CancellationToken.None);
        var second = gate.EnterAsync(SiteAOther, CancellationToken.None);
        var third = gate.EnterAsync(SiteA, CancellationToken.None);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second).Dispose();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await third).Dispose();
    }

    [Fact]
    public async Task No_more_than_the_concurrency_limit_are_in_flight_per_host()
    {
        var gate = new HostGate(concurrency: 1, TimeSpan.Zero, new FakeTimeProvider());

        var first = await gate.EnterAsync(SiteA, CancellationToken.None);
        var second = gate.EnterAsync(SiteA, CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        first.Dispose();
        (await second).Dispose();
        (await gate.EnterAsync(SiteA, CancellationToken.None)).Dispose();
    }

    [Fact]
    public async Task Hosts_do_not_wait_for_each_other()
    {
        var gate = new HostGate(concurrency: 1, TimeSpan.FromHours(1), new FakeTimeProvider());

        using var a = await gate.EnterAsync(SiteA, CancellationToken.None);
        var b = gate.EnterAsync(SiteB, CancellationToken.None);

        Assert.True(b.IsCompletedSuccessfully);
        (await b).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_back()
    {
        var time = new FakeTimeProvider();
        var gate = new HostGate(concurrency: 1, TimeSpan.FromSeconds(5), time);
        (await gate.EnterAsync(SiteA, CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(SiteA, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(10));
        (await gate.EnterAsync(SiteA, CancellationToken.None)).Dispose();
    }
}
