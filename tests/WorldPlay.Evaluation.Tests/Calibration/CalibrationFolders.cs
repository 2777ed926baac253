using WorldPlay.Evaluation.Tests.Scenarios;

namespace WorldPlay.Evaluation.Tests.Calibration;

/// <summary>Where the calibration tests find their corpora, in the source tree (never copies in the build output, so a file
/// removed from the corpus is gone from the test too).</summary>
internal static class CalibrationFolders
{
    /// <summary>The small fixture corpus written for the engine's tests: Fixtures/calibration, with dev/ and test/ halves.</summary>
    public static string Fixture => TestData.Fixture("calibration");

    /// <summary>tests/WorldPlay.Evaluation.Tests/Labelled, the labelled corpus of issue 16, or one of its parts.</summary>
    public static string Labelled(params string[] parts) =>
        Path.Combine([Path.GetDirectoryName(TestData.Fixture().TrimEnd(Path.DirectorySeparatorChar))!, "Labelled", .. parts]);

    /// <summary>A fresh folder for a corpus written by a test, deleted with it.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("calibration-").FullName;

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
