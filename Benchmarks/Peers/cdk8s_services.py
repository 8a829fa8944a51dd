"""The render benchmark's peer: N services (Deployment, Service, HPA, PDB, NetworkPolicy each)
defined with cdk8s (core ApiObject constructs, the cheapest cdk8s path) and synthesized to one
YAML stream. Prints the number of bytes written. Usage: cdk8s_services.py COUNT OUTPUT_FILE"""
import sys

from cdk8s import ApiObject, ApiObjectMetadata, App, Chart, JsonPatch


def api_object(chart, construct_id, api_version, kind, metadata, spec):
    """One object: identity and metadata through cdk8s' typed props, the spec as a JSON patch (the
    Python binding of ApiObject takes no free-form fields)."""
    obj = ApiObject(chart, construct_id, api_version=api_version, kind=kind,
                    metadata=ApiObjectMetadata(**metadata))
    obj.add_json_patch(JsonPatch.add("/spec", spec))


def service(chart, index):
    name = f"svc-{index}"
    labels = {"app.kubernetes.io/name": name}
    api_object(chart, f"{name}-deployment", "apps/v1", "Deployment",
              {"name": name, "namespace": "shop", "labels": labels},
              {
                  "selector": {"matchLabels": labels},
                  "template": {
                      "metadata": {"labels": labels},
                      "spec": {"containers": [{
                          "name": "app", "image": f"registry.example.com/{name}:1.0",
                          "ports": [{"name": "http", "containerPort": 8080}],
                          "resources": {"limits": {"memory": "256Mi"},
                                        "requests": {"cpu": "100m", "memory": "128Mi"}},
                      }]},
                  },
              })
    api_object(chart, f"{name}-service", "v1", "Service",
              {"name": name, "namespace": "shop", "labels": labels},
              {"selector": labels, "ports": [{"name": "http", "port": 8080, "targetPort": "http"}]})
    api_object(chart, f"{name}-hpa", "autoscaling/v2", "HorizontalPodAutoscaler",
              {"name": name, "namespace": "shop"},
              {
                  "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
                  "minReplicas": 2, "maxReplicas": 10,
                  "metrics": [{"type": "Resource", "resource": {
                      "name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}],
              })
    api_object(chart, f"{name}-pdb", "policy/v1", "PodDisruptionBudget",
              {"name": name, "namespace": "shop"},
              {"minAvailable": 1, "selector": {"matchLabels": labels}})
    api_object(chart, f"{name}-netpol", "networking.k8s.io/v1", "NetworkPolicy",
              {"name": name, "namespace": "shop"},
              {
                  "podSelector": {"matchLabels": labels}, "policyTypes": ["Ingress"],
                  "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {
                      "kubernetes.io/metadata.name": "ingress"}}}],
                      "ports": [{"port": "http"}]}],
              })


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    app = App()
    chart = Chart(app, "platform", disable_resource_name_hashes=True)
    for index in range(count):
        service(chart, index)
    text = app.synth_yaml()
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(len(text.encode("utf-8")))


if __name__ == "__main__":
    main()
