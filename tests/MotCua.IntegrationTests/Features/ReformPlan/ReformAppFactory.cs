using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.ReformPlan;

/// <summary>The test host with evidence files in a temporary folder of its own.</summary>
public sealed class ReformAppFactory : AppFactory
{
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), "motcua-tests-files", Guid.NewGuid().ToString("N"));

    public ReformAppFactory() => Settings["Files:Folder"] = FilesFolder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }
    }
}
