using System.Diagnostics;

namespace MotCua.IntegrationTests.Features.Signing;

/// <summary>
/// poppler's <c>pdfsig</c> (Debian poppler-utils), an independent verifier run as a process: one entry per signature with
/// its lines ("Signature Validation: Signature is Valid.", "Total document signed", …). CI installs it (.ci/run).
/// </summary>
public static class Pdfsig
{
    public const string Path = "/usr/bin/pdfsig";

    public sealed record Signature(string Block)
    {
        public bool Valid => Block.Contains("Signature Validation: Signature is Valid.", StringComparison.Ordinal);

        public bool TotalDocumentSigned => Block.Contains("- Total document signed", StringComparison.Ordinal);

        public bool NotTotalDocumentSigned => Block.Contains("- Not total document signed", StringComparison.Ordinal);

        public string? Type => Line("Signature Type:");

        public string? CommonName => Line("Signer Certificate Common Name:");

        private string? Line(string label) => Block.Split('\n').Select(l => l.Trim().TrimStart('-').Trim())
            .FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))?[label.Length..].Trim();
    }

    public static async Task<(IReadOnlyList<Signature> Signatures, string Output)> RunAsync(byte[] pdf)
    {
        Assert.True(File.Exists(Path), "pdfsig is missing: apt-get install poppler-utils (.ci/run installs it).");
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"motcua-pdfsig-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Path, [file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var blocks = output.Split("Signature #", StringSplitOptions.None).Skip(1).Select(b => new Signature(b)).ToList();
            return (blocks, output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
