namespace WorldPlay.Synthesis.Preferences;

/// <summary>A signal file line that cannot be read: the message names the file, the line and what is wrong.</summary>
public sealed class SignalFileException(string message) : Exception(message);
