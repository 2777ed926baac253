using WorldPlay.Contracts;
using WorldPlay.Core;
using WorldPlay.Core.Characters;
using WorldPlay.Core.Minds;

namespace WorldPlay.Grains;

/// <summary>The grain-storage record of a character: persona, mind, and its own memory.</summary>
[GenerateSerializer, Alias("worldplay.CharacterRecord")]
public sealed class CharacterRecord
{
    [Id(0)] public Embodiment? Embodiment { get; set; }

    [Id(1)] public CharacterMemory? Memory { get; set; }

    /// <summary>The world version up to which this character has taken in what it witnessed.</summary>
    [Id(2)] public long Perceived { get; set; }
}

/// <summary>A character: takes in the events it witnessed, assembles its perspective and asks its mind what to do.</summary>
public sealed class CharacterGrain(
    [PersistentState("character", WorldPlayStorage.Grains)] IPersistentState<CharacterRecord> record,
    IMindCatalog minds) : Grain, ICharacterGrain
{
    /// <summary>A character writes its record when its memory has moved this many world events past the last write (and when
    /// embodied, and when it deactivates idle). Its memory is a fold of the world's events, so one that reactivates from an older
    /// record catches up from the world and arrives at the same memory: writing every turn bought nothing but a storage call.
    /// At 256 a five-character scene writes its characters' records about 0.03 times a turn (at 32 it was 0.2, a fifth of a
    /// turn's storage operations); the price is a longer catch-up when a character reactivates.</summary>
    public const int SaveEvery = 256;

    /// <summary>The world version the stored record has taken in.</summary>
    private long _saved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saved = record.State.Perceived;
        return Task.CompletedTask;
    }

    /// <summary>An idle character writes what it took in since its last write, so its next activation has less to catch up on.
    /// Nothing is written when the silo shuts down: the record may be behind, and catching up from the world makes that good.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (record.State.Perceived > _saved && reason.ReasonCode == DeactivationReasonCode.ActivationIdle)
        {
            await record.WriteStateAsync(cancellationToken);
        }
    }

    private Embodiment Embodiment => record.State.Embodiment
        ?? throw new InvalidOperationException(
            $"Character '{this.GetPrimaryKeyString()}' has no persona yet; a scene embodies its cast when it opens.");

    private IWorldGrain World => GrainFactory.GetGrain<IWorldGrain>(Embodiment.WorldKey);

    async Task ICharacterGrain.Embody(Embodiment embodiment)
    {
        minds.Resolve(embodiment.Mind, embodiment.Persona.Id);
        if (record.State.Memory is null)
        {
            var definition = (await GrainFactory.GetGrain<IWorldGrain>(embodiment.WorldKey).Definition()).Definition;
            record.State.Memory = CharacterMemory.Empty(embodiment.Persona.Id, definition.Entities.ToDictionary(e => e.Id, e => e.Name));
        }
        record.State.Embodiment = embodiment;
        await SaveAsync();
    }

    async Task<CharacterTurn> ICharacterGrain.TakeTurn(TurnCue cue)
    {
        var embodiment = Embodiment;
        var perspective = await WorldPlayTelemetry.PerspectiveAsync(() => PerceiveAsync(cue.Cue));
        var mind = minds.Resolve(embodiment.Mind, embodiment.Persona.Id);
        var speech = cue.Listener is { } listener ? new SpeechForwarder(listener, cue.Turn, embodiment.Persona.Id) : null;
        var action = await WorldPlayTelemetry.DecideAsync(mind, perspective, speech, CancellationToken.None);
        if (record.State.Perceived - _saved >= SaveEvery)
        {
            await SaveAsync();
        }
        return new CharacterTurn(embodiment.Persona.Id, embodiment.Persona.Name, action, perspective.TokenCount);
    }

    async Task<MemoryView> ICharacterGrain.Memory()
    {
        var perception = await World.Perceive(Embodiment.Persona.Id, record.State.Perceived);
        TakeIn(perception);
        return new MemoryView(record.State.Memory!);
    }

    async Task<PerspectiveView> ICharacterGrain.Perspective(TurnCue cue)
    {
        var perspective = await PerceiveAsync(cue.Cue);
        return new PerspectiveView(perspective, PerspectiveBuilder.Render(perspective));
    }

    private async Task<Perspective> PerceiveAsync(SceneCue cue)
    {
        var embodiment = Embodiment;
        var perception = await World.Perceive(embodiment.Persona.Id, record.State.Perceived);
        TakeIn(perception);
        return PerspectiveBuilder.Build(
            embodiment.Persona, record.State.Memory!, perception.Slice, cue, embodiment.PerspectiveBudget, TokenCounter.Default);
    }

    /// <summary>Saves the record; if that fails, the next call reloads it, since what is in memory may or may not be stored.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await record.WriteStateAsync();
            _saved = record.State.Perceived;
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private void TakeIn(Perception perception)
    {
        record.State.Memory = record.State.Memory!.Witness(perception.Witnessed);
        record.State.Perceived = perception.Version;
    }
}

/// <summary>Passes a mind's speech on to a scene's listener as numbered pieces. The mind reports on its deciding task, in
/// order; the listener's calls are one-way, so forwarding never waits on it.</summary>
internal sealed class SpeechForwarder(ISceneListener listener, int turn, EntityId speaker) : IProgress<SpeechDelta>
{
    private int _index;

    public void Report(SpeechDelta value) => _ = listener.Speaking(new SpeechPiece(turn, speaker, _index++, value.Text, value.Restart));
}
