using WorldPlay.Core.Laws;
using static WorldPlay.Testing.TestWorlds;

namespace WorldPlay.Core.Tests;

/// <summary>The forbidden-concepts law in a Chinese world (长安, a Tang-dynasty city with no phones or guns): a concept in Han is
/// found inside an unspaced sentence, a Latin concept is found glued to Han characters, in speech, in facts and in an audit.</summary>
public sealed class ChineseForbiddenConceptsTests
{
    private static readonly WorldDefinition Changan = Harbortown with
    {
        Setting = Harbortown.Setting with
        {
            Name = "长安",
            Language = "zh",
            Laws = [new LawSpec("forbidden-concepts", ["手机", "火枪", "iPhone", "gun", "steam engine"], "唐朝没有这些东西")],
        },
    };

    private static readonly LawBook ChanganLaws = LawBook.For(Changan.Setting);

    private static WorldState Start => WorldState.Initial(Changan);

    [Fact]
    public void Spoke_ChineseConceptInsideAChineseSentence_IsRefusedWithTheLawsReason()
    {
        var refusal = Refusal(Proposal.Of(Mira, new Spoke("她从袖子里掏出手机，看了一眼时辰。", [])));

        Assert.Equal(("forbidden-concepts", "'手机' does not exist in 长安."), refusal);
    }

    [Fact]
    public void Spoke_LatinConceptGluedToHanCharacters_IsRefused()
    {
        var refusal = Refusal(Proposal.Of(Mira, new Spoke("他拿出iPhone给我看。", [])));

        Assert.Equal(("forbidden-concepts", "'iPhone' does not exist in 长安."), refusal);
    }

    [Fact]
    public void Spoke_LatinPluralGluedToHanCharacters_IsRefused()
    {
        var refusal = Refusal(Proposal.Of(Mira, new Spoke("城门口有两个人拿着guns。", [])));

        Assert.Equal(("forbidden-concepts", "'gun' does not exist in 长安."), refusal);
    }

    [Fact]
    public void Spoke_FullWidthLatinConcept_IsRefused()
    {
        var refusal = Refusal(Proposal.Of(Mira, new Spoke("他腰间别着一把ｇｕｎ。", [])));

        Assert.Equal(("forbidden-concepts", "'gun' does not exist in 长安."), refusal);
    }

    [Fact]
    public void Spoke_LatinConceptInsideALongerLatinWord_IsAccepted()
    {
        var outcome = Commitment.Commit(Start, ChanganLaws, 1, null, [Proposal.Of(Mira, new Spoke("船舷叫gunwale，不是别的。", []))]);

        Assert.Single(outcome.Accepted);
    }

    [Fact]
    public void Spoke_ChineseSentenceWithoutTheConcepts_IsAccepted()
    {
        var outcome = Commitment.Commit(Start, ChanganLaws, 1, null, [Proposal.Of(Mira, new Spoke("她手里拿着一封家书，机关算尽。", []))]);

        Assert.Single(outcome.Accepted);
    }

    [Fact]
    public void FactAsserted_ChineseConceptInTheValue_IsRefusedWithTheLawsReason()
    {
        var refusal = Refusal(Proposal.Of(Mira, new FactAsserted("mira-owns", Mira, "拥有", "一部新手机")));

        Assert.Equal(("forbidden-concepts", "'手机' does not exist in 长安."), refusal);
    }

    [Fact]
    public void FactAsserted_HyphenatedMultiWordConcept_IsRefused()
    {
        var refusal = Refusal(Proposal.Of(Mira, new FactAsserted("mill-power", Market, "靠", "steam-engine转动")));

        Assert.Equal(("forbidden-concepts", "'steam engine' does not exist in 长安."), refusal);
    }

    [Fact]
    public void Audit_FactNamingAChineseConcept_ReportsIt()
    {
        // The fact entered under laws that did not forbid it (a world whose laws changed); the audit finds it.
        var state = After(Start, Proposal.Of(Mira, new FactAsserted("mira-weapon", Mira, "腰间别着", "一把火枪")));

        var findings = new ForbiddenConcepts(["火枪"]).Audit(state).ToList();

        Assert.Contains(findings, f => f.Contains("'mira-weapon'") && f.Contains("'火枪'"));
    }

    private static (string Law, string Reason) Refusal(Proposal proposal)
    {
        var rejection = Assert.Single(Commitment.Commit(Start, ChanganLaws, 1, null, [proposal]).Rejected);
        return (rejection.Law, rejection.Reason);
    }
}
