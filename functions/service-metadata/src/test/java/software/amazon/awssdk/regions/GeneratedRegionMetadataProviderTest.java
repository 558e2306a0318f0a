package software.amazon.awssdk.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replacement (this module's classes come first on the test class path) against the SDK's own region list. */
class GeneratedRegionMetadataProviderTest {
    private final GeneratedRegionMetadataProvider provider = new GeneratedRegionMetadataProvider();

    @Test
    void every_region_the_sdk_names_has_metadata_in_its_partition() {
        for (Region region : Region.regions()) {
            RegionMetadata metadata = provider.regionMetadata(region);
            assertThat(metadata).as(region.id()).isNotNull();
            assertThat(metadata.id()).isEqualTo(region.id());
            assertThat(metadata.domain()).isEqualTo(metadata.partition().dnsSuffix());
        }
    }

    @Test
    void partitions_and_domains() {
        assertThat(provider.regionMetadata(Region.US_EAST_1).partition().id()).isEqualTo("aws");
        assertThat(provider.regionMetadata(Region.US_EAST_1).domain()).isEqualTo("amazonaws.com");
        assertThat(provider.regionMetadata(Region.CN_NORTH_1).partition().id()).isEqualTo("aws-cn");
        assertThat(provider.regionMetadata(Region.CN_NORTH_1).domain()).isEqualTo("amazonaws.com.cn");
        assertThat(provider.regionMetadata(Region.US_GOV_WEST_1).partition().id()).isEqualTo("aws-us-gov");
        assertThat(provider.regionMetadata(Region.AWS_CN_GLOBAL).partition().id()).isEqualTo("aws-cn");
        assertThat(RegionMetadata.of(Region.EU_WEST_1).domain()).isEqualTo("amazonaws.com");
    }

    @Test
    void a_region_name_no_partition_knows_has_none() {
        assertThat(provider.regionMetadata(Region.of("nowhere"))).isNull();
        assertThat(provider.regionMetadata(Region.of("xx-nowhere-global"))).isNull();
    }
}
