// The compute pool instance families Snowflake documents: the one list the ComputePool definition checks
// `instanceFamily` against (at check, no request) and the emulator serves as GET /api/v2/compute-pools/instance-families.
//
// Source: the INSTANCE_FAMILY table of the CREATE COMPUTE POOL docs (names starting CPU_ are generic, HIGHMEM_ high
// memory, GPU_ with GPUs attached; GPU_GCP_ only on Google Cloud). SHOW COMPUTE POOL INSTANCE FAMILIES docs:
// availability varies by region, so an account may offer fewer; Snowflake then refuses the others at creation.
// Only names and categories are listed: the per-family vCPU, memory, storage and node limits were not confirmed for
// every family and region, so they are not served.
import { enumType } from "../engine/kinds/scalars";

export interface InstanceFamily {
  name: string;
  description: string;
}

const generic = (name: string): InstanceFamily => ({ name, description: "Generic instance: a balance of CPU, memory and disk, no GPU." });
const highMemory = (name: string): InstanceFamily => ({ name, description: "High-memory instance: like the generic ones, with more memory." });
const withGpu = (name: string): InstanceFamily => ({ name, description: "Instance with GPUs attached." });

export const COMPUTE_POOL_INSTANCE_FAMILIES: readonly InstanceFamily[] = [
  ...["CPU_X64_XS", "CPU_X64_S", "CPU_X64_M", "CPU_X64_SL", "CPU_X64_L"].map(generic),
  ...["HIGHMEM_X64_S", "HIGHMEM_X64_M", "HIGHMEM_X64_SL", "HIGHMEM_X64_L"].map(highMemory),
  ...["GPU_NV_XS", "GPU_NV_S", "GPU_NV_SM", "GPU_NV_M", "GPU_NV_2M", "GPU_NV_3M", "GPU_NV_SL", "GPU_NV_L",
    "GPU_GCP_NV_L4_1_24G", "GPU_GCP_NV_L4_4_24G", "GPU_GCP_NV_A100_8_40G"].map(withGpu),
];

export const INSTANCE_FAMILY = enumType("InstanceFamily", "The machine type of a compute pool's nodes (CREATE COMPUTE POOL docs).",
  COMPUTE_POOL_INSTANCE_FAMILIES.map((family) => family.name));
