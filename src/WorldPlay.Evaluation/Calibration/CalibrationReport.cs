using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace WorldPlay.Evaluation.Calibration;

/// <summary>What <c>worldplay bench calibrate</c> reports: the corpus's size (sessions, NPC replies per language, replies in
/// ensembles, labels, halves), the detectors against the labels and, when one was asked, the judge against them.</summary>
public sealed record CalibrationReport(
    string Folder,
    int Sessions,
    int NpcReplies,
    ImmutableSortedDictionary<string, int> RepliesByLanguage,
    int EnsembleReplies,
    int Labels,
    ImmutableArray<string> Halves,
    DetectorCalibration Detectors,
    JudgeCalibration? Judge)
{
    /// <summary>The corpus <paramref name="sessions"/> read from <paramref name="folder"/>, with the detectors measured on it.</summary>
    public static CalibrationReport Measure(string folder, IReadOnlyList<LabelledSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return new CalibrationReport(
            folder,
            sessions.Count,
            sessions.Sum(s => s.NpcReplies),
            sessions.GroupBy(s => s.Language)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(s => s.NpcReplies), StringComparer.Ordinal),
            sessions.Where(s => s.IsEnsemble).Sum(s => s.NpcReplies),
            sessions.Sum(s => s.Labels.Length),
            LabelAgreement.Present(sessions),
            DetectorCalibration.Measure(sessions),
            null);
    }

    /// <summary>The report as people read it: a summary line, one table per language (then per half and language), and the
    /// judge's tables when there is a judge.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var languages = string.Join(", ", RepliesByLanguage.Select(l => $"{l.Key} {l.Value}"));
        text.Append(CultureInfo.InvariantCulture,
            $"{Sessions} labelled session(s) in {Folder}: {NpcReplies} NPC replies ({languages}), {EnsembleReplies} in ensembles, " +
            $"{Labels} labels");
        text.AppendLine(Halves.IsEmpty ? "" : $"; halves {string.Join(", ", Halves)}");
        Tables(text, "detectors", Detectors.Languages, Detectors.Halves, withKappa: false);
        if (Judge is { } judge)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"judge {judge.Model}: {judge.Questions} questions (one per NPC reply, all 13 categories), {judge.Answered} answered, " +
                $"{judge.Unreadable} unreadable, {judge.Failed} failed");
            Tables(text, $"judge {judge.Model}", judge.Languages, judge.Halves, withKappa: true);
        }
        return text.ToString();
    }

    private static void Tables(StringBuilder text, string rater, ImmutableArray<LanguageAgreement> languages,
        ImmutableArray<HalfAgreement> halves, bool withKappa)
    {
        foreach (var language in languages)
        {
            Table(text, $"{rater}, {language.Language}", language, withKappa);
        }
        foreach (var half in halves)
        {
            foreach (var language in half.Languages)
            {
                Table(text, $"{rater}, {half.Half}, {language.Language}", language, withKappa);
            }
        }
    }

    private static void Table(StringBuilder text, string title, LanguageAgreement figures, bool withKappa)
    {
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"{title}: {figures.Sessions} session(s), {figures.Replies} NPC replies");
        text.AppendLine($"  {"category",-26} {"labelled",8} {"TP",5} {"FP",5} {"FN",5} {"precision",9} {"recall",7}" +
            (withKappa ? $" {"kappa",6}" : ""));
        foreach (var row in figures.Categories.Append(figures.Total))
        {
            var kappa = withKappa ? $" {Figure(row.Kappa),6}" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {row.Category,-26} {row.Labelled,8} {row.TruePositives,5} {row.FalsePositives,5} {row.FalseNegatives,5} " +
                $"{Figure(row.Precision),9} {Figure(row.Recall),7}{kappa}");
        }
    }

    /// <summary>A share as printed: two decimals, or <c>n/a</c> where it is undefined.</summary>
    public static string Figure(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
