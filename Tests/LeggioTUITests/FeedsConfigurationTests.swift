import Testing

@testable import LeggioTUI

/// `[feeds] images` in `config.toml`: whether feed updates keep their items' pictures.
@Suite struct FeedsConfigurationTests {
  @Test func feedPicturesAreKeptUnlessTheConfigurationSaysNo() {
    #expect(Configuration.defaults.feedPictures)
    let (off, problems) = ConfigurationParser.parse(
      "[feeds]\nimages = false\n", file: "config.toml")
    #expect(problems.isEmpty)
    #expect(!off.feedPictures)
  }

  @Test func aWrongFeedsSettingIsNamedWithItsLineAndTheRestApplies() throws {
    let (configuration, problems) = ConfigurationParser.parse(
      "theme = \"nord\"\n[feeds]\nimages = \"no\"\nimage = true\n", file: "config.toml")
    #expect(configuration.theme == "nord")
    #expect(configuration.feedPictures)
    #expect(
      problems.compactMap(\.errorDescription) == [
        "config.toml:3: feeds.images: expected true or false",
        "config.toml:4: feeds.image: Leggio has no feeds setting \"image\" (did you mean \"images\"?); expected one of images",
      ])
  }
}
