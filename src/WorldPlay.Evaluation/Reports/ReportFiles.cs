using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorldPlay.Evaluation.Reports;

/// <summary>Writes and reads a report directory: <c>report.json</c> for tools and <c>report.html</c> for people.</summary>
public static class ReportFiles
{
    public const string JsonName = "report.json";
    public const string HtmlName = "report.html";

    /// <summary>camelCase, indented, nulls written, properties in declaration order: the same report gives the same bytes.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(BenchReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, JsonName), JsonSerializer.Serialize(report, Json) + "\n");
        File.WriteAllText(Path.Combine(directory, HtmlName), ReportHtml.Render(report));
    }

    /// <summary>The report in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The directory holds no report.json.</exception>
    /// <exception cref="ArgumentException">report.json is not a bench report.</exception>
    public static BenchReport Read(string directory)
    {
        var path = Path.Combine(directory, JsonName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No {JsonName} in '{Path.GetFullPath(directory)}'; give directories written by 'worldplay bench score --out DIR'.", path);
        }
        try
        {
            return JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(path), Json)
                ?? throw new ArgumentException($"{path} holds null, not a bench report.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{path} is not a bench report: {e.Message}", e);
        }
    }
}
