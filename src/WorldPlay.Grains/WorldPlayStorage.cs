namespace WorldPlay.Grains;

/// <summary>Names of the storage the grains use.</summary>
public static class WorldPlayStorage
{
    /// <summary>The Orleans grain-storage provider for character and scene state.</summary>
    public const string Grains = "worldplay";

    /// <summary>The event-store stream of a world's timeline.</summary>
    public static string TimelineStream(string worldKey) => $"world/{worldKey}";

    /// <summary>The event-store stream of a scene's transcript.</summary>
    public static string TranscriptStream(string sceneKey) => $"scene/{sceneKey}";

    /// <summary>The event-store stream of a world family's branch tree (key: the root world).</summary>
    public static string FamilyStream(string rootKey) => $"family/{rootKey}";

    /// <summary>The event-store stream of a world family's preference signals (key: the root world).</summary>
    public static string PreferenceStream(string rootKey) => $"preferences/{rootKey}";

    /// <summary>The event-store stream listing every root world.</summary>
    public const string CatalogStream = "catalog/worlds";
}
