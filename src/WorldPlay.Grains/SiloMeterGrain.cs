using WorldPlay.Contracts;
using WorldPlay.Storage;

namespace WorldPlay.Grains;

/// <summary>Reads the meters of the silo it lives on. Callers place one on each silo with the placement hint and key it by that
/// silo's address; the reading names the silo it was actually read on.</summary>
public sealed class SiloMeterGrain(TurnGate gate, ILocalSiloDetails silo) : Grain, ISiloMeterGrain
{
    Task<SiloMeterReading> ISiloMeterGrain.Read()
    {
        var storage = StorageMeter.Current;
        return Task.FromResult(gate.Read(silo.SiloAddress.ToParsableString()) with
        {
            TableTransactions = storage.TableTransactions,
            TableWrites = storage.TableWrites,
            TableReads = storage.TableReads,
            BlobWrites = storage.BlobWrites,
            BlobReads = storage.BlobReads,
            StorageOther = storage.Other,
        });
    }
}
