import BookshelfPlugin
import Quire

// The same `quire` command line, with the bookshelf plugin registered.
await QuireCommand.runFromCommandLine(plugins: [BookshelfPlugin()])
