import Quire

await QuireCommand.runFromCommandLine()
