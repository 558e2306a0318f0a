package software.amazon.awssdk.regions;

/**
 * Function jars' replacement of the SDK's generated class of the same name (functions/pom.xml leaves the SDK's out
 * of function.jar). The SDK's version is created when the region metadata is first touched (every client build
 * does, resolving its signing region) and instantiates the metadata of every AWS region at once: 53 classes. This
 * one derives a region's metadata from its partition when asked; as the generated one, it answers {@code null} for
 * a region name no partition knows. The only reader at run time is the SDK's hint on an unknown host.
 */
public final class GeneratedRegionMetadataProvider implements RegionMetadataProvider {
    private static final String GLOBAL = "-global";

    @Override
    public RegionMetadata regionMetadata(Region region) {
        String id = region.id();
        boolean global = id.endsWith(GLOBAL);
        PartitionMetadata partition = global
                ? PartitionMetadata.of(id.substring(0, id.length() - GLOBAL.length()))
                : PartitionMetadata.of(region);
        if (partition == null || !global && !id.matches(partition.regionRegex())) {
            return null;
        }
        return new DerivedRegionMetadata(id, partition);
    }

    private record DerivedRegionMetadata(String id, PartitionMetadata partition) implements RegionMetadata {
        @Override
        public String domain() {
            return partition.dnsSuffix();
        }

        @Override
        public String description() {
            return id;
        }
    }
}
