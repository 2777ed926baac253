using WorldPlay.Contracts;

namespace WorldPlay.Grains;

/// <summary>Reads the meters of the silo it lives on. Callers place one on each silo with the placement hint and key it by that
/// silo's address; the reading names the silo it was actually read on.</summary>
public sealed class SiloMeterGrain(TurnGate gate, ILocalSiloDetails silo) : Grain, ISiloMeterGrain
{
    Task<SiloMeterReading> ISiloMeterGrain.Read() => Task.FromResult(gate.Read(silo.SiloAddress.ToParsableString()));
}
