using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// Every test of this assembly, and every <c>newspulse</c> process it starts, tags with one model trained from the
/// checkout's labelled stories into a folder of the tests' own, named after those stories: trained once, by whichever
/// test needs it first, and again only when the stories change.
/// </summary>
internal static class TaggingModelSetup
{
    private static readonly string Stories = RepositoryRoot.Combine("tests", "data", "tagging");

    public static string ModelDirectory { get; } = RepositoryRoot.Combine(".newspulse", "test-models", StoriesHash());

    private static string StoriesHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(Stories, "*.jsonl").Order(StringComparer.Ordinal))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    [ModuleInitializer]
    internal static void PointAtTheTestModel()
    {
        Environment.SetEnvironmentVariable("NEWSPULSE__Tagging__ModelDirectory", ModelDirectory);
        Environment.SetEnvironmentVariable("NEWSPULSE__Tagging__DataDirectory", Stories);
    }
}
