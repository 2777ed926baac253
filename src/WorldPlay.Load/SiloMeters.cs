using System.Collections.Immutable;
using Orleans.Runtime.Placement;
using WorldPlay.Contracts;

namespace WorldPlay.Load;

/// <summary>Reads every active silo's meters through an <see cref="ISiloMeterGrain"/> placed on that silo.</summary>
internal static class SiloMeters
{
    /// <summary>One reading per active silo. The first call to each silo's meter grain carries the placement hint, so its
    /// activation lives on that silo; a reading from any other silo (the hint not honoured) is refused rather than reported under
    /// the wrong name. A silo that does not answer is left out.</summary>
    public static async Task<ImmutableArray<SiloMeterReading>> ReadAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var readings = ImmutableArray.CreateBuilder<SiloMeterReading>();
        foreach (var silo in hosts.Keys)
        {
            var key = silo.ToParsableString();
            try
            {
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                var reading = await grains.GetGrain<ISiloMeterGrain>(key).Read();
                if (reading.Silo != key)
                {
                    throw new InvalidOperationException(
                        $"The meter grain for silo {key} was placed on silo {reading.Silo}; its reading would be the wrong silo's.");
                }
                readings.Add(reading);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
        return readings.ToImmutable();
    }
}
